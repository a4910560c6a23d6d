/** Saves text as a file through the browser's download. */
export function downloadText(fileName: string, text: string, type = "application/json") {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The message to show for a refused action: the most specific one it carries. */
export function refusalText(error: { message: string; fieldErrors?: Record<string, string> }) {
  const f = error.fieldErrors ?? {};
  return f.schema ?? f.file ?? f.key ?? f.titleZh ?? f.titleEn ?? error.message;
}
