// The app bar's search box: a thread id opens the thread, a username opens the threads that user joined.
// Plain elements styled from the theme: importing MUI components here would split the members page's first
// bundle into more chunks and push it over its size budget.
import { useTheme, type Theme } from '@mui/material/styles';
import { useId, useState, type CSSProperties, type SubmitEvent } from 'react';
import { useNavigate } from 'react-router';
import { SEARCH_BOX_WIDTH } from './search-box-size.ts';
import { searchTarget } from './search-target.ts';

const inputStyle = ({ palette }: Theme, invalid: boolean): CSSProperties => ({
  ...SEARCH_BOX_WIDTH,
  padding: '6px 12px',
  font: 'inherit',
  // The page's own colours rather than the bar's, so the placeholder keeps its contrast in both themes.
  color: palette.text.primary,
  background: palette.background.paper,
  // In the dark theme the bar and the field are the same grey: the border shows where the field is.
  border: `2px solid ${invalid ? palette.error.main : palette.mode === 'dark' ? palette.grey[700] : 'transparent'}`,
  borderRadius: 4,
});

const problemStyle = ({ palette, typography, shadows }: Theme): CSSProperties => ({
  position: 'absolute',
  top: '100%',
  right: 0,
  zIndex: 1500,
  width: 360,
  margin: '8px 0 0',
  padding: 12,
  ...typography.body2,
  color: palette.text.primary,
  background: palette.background.paper,
  boxShadow: shadows[4],
  borderRadius: 4,
});

export function OpenThreadOrUser() {
  const theme = useTheme();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const problemId = `${useId()}-problem`;

  function open(event: SubmitEvent) {
    event.preventDefault();
    const target = searchTarget(text);
    if (target.kind === 'invalid') {
      // The typed text stays, so the moderator corrects it rather than typing it again.
      setProblem(target.message);
      return;
    }
    setProblem(null);
    setText('');
    void navigate(target.path);
  }

  return (
    <form
      role="search"
      aria-label="Open thread or user"
      onSubmit={open}
      noValidate
      style={{ position: 'relative' }}
    >
      <input
        type="search"
        aria-label="Open thread or user"
        aria-invalid={problem !== null}
        aria-describedby={problem ? problemId : undefined}
        placeholder="Thread ID or username"
        autoComplete="off"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setProblem(null);
        }}
        style={inputStyle(theme, problem !== null)}
      />
      {problem && (
        <p id={problemId} role="alert" style={problemStyle(theme)}>
          {problem}
        </p>
      )}
    </form>
  );
}
