import agoraToken from 'agora-token';
import { expect, it } from 'vitest';
import { DEMO_APP_CERTIFICATE, DEMO_APP_ID } from '../../emulator/emulator.ts';
import { appTokenLeaks } from './app-token-leaks.ts';

it('recognises any minted app token and the given secrets, and nothing else', () => {
  const token = agoraToken.ChatTokenBuilder.buildAppToken(DEMO_APP_ID, DEMO_APP_CERTIFICATE, 60);
  const texts: [string, string][] = [
    ['header', JSON.stringify({ authorization: `Bearer ${token}` })],
    ['log', `{"msg":"request","token":"${token.slice(0, 60)}"}`],
    ['page', `<p>certificate ${DEMO_APP_CERTIFICATE}</p>`],
    ['clean', `{"msg":"request","path":"/api/chat/thread/180000000100003/users","status":200}`],
    ['app id is public', `App ID ${DEMO_APP_ID}`],
  ];
  expect(appTokenLeaks(texts, [DEMO_APP_CERTIFICATE])).toEqual(['header', 'log', 'page']);
});
