/**
 * Hands a text to the browser as a file download (a Blob behind an object URL): nothing goes to
 * the server, and the browser's download bar shows the file name.
 */
export function downloadText(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; the URL may go once the browser has read the Blob.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
