// Endpoint 11: whether a user has joined a group (`.../chatgroups/{group_id}/user/{username}/is_joined`). Thread
// members are a subset of the group's, so an add of anyone else is refused; this says so before trying.
import { Hono } from 'hono';
import { normalizeUsername } from '../src/lib/username.ts';
import { chatErrors } from './chat-error.ts';
import { endpointGuard } from './endpoint-guard.ts';
import { successResponse } from './envelope.ts';
import type { EmulatorEnv } from './hono-env.ts';

export function groupMembershipRoutes(): Hono<EmulatorEnv> {
  const routes = new Hono<EmulatorEnv>();
  routes.get('/chatgroups/:groupId/user/:username/is_joined', endpointGuard(11), (c) => {
    const rt = c.var.emulator;
    const groupId = c.req.param('groupId');
    const username = normalizeUsername(c.req.param('username'));
    // As endpoints 8 and 9 answer for an unknown group or user.
    if (!rt.store.groupExists(groupId) || !rt.store.userExists(username)) throw chatErrors.resourceNotFound();
    return successResponse(c, { data: rt.store.isGroupMember(groupId, username) });
  });
  return routes;
}
