/** `text` as a regular expression that matches it literally (for names from settings and options). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
