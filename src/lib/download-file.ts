// Saves a blob the browser made as a file in the user's downloads, with a name of our choosing.

export function downloadFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a minute later it has long been handed over.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
