/**
 * Text onto the clipboard. The ClipboardItem gets a promise of the text, so the write starts inside the key press
 * or click that asked for it (browsers only let a page write the clipboard then) while rows are still loading.
 */
export async function copyText(text: Promise<string>): Promise<void> {
  if (typeof ClipboardItem === 'function' && typeof navigator.clipboard?.write === 'function') {
    const blob = text.then((t) => new Blob([t], { type: 'text/plain' }))
    await navigator.clipboard.write([new ClipboardItem({ 'text/plain': blob })])
    return
  }
  await navigator.clipboard.writeText(await text)
}
