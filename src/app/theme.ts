import { createTheme } from '@mui/material/styles';

// Light and dark follow the operating system.
export const theme = createTheme({
  colorSchemes: { light: true, dark: true },
  cssVariables: true,
});
