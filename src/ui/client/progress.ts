/**
 * The one progress indicator: a bar and a sentence at the top of the sidebar while any server call
 * is outstanding, announced politely to screen readers. Calls can overlap, so it counts them and
 * shows the most recent description.
 */
const pending: string[] = [];

function elements(): { box: HTMLElement | null; text: HTMLElement | null } {
  return { box: document.getElementById('progress'), text: document.getElementById('progress-text') };
}

function render(): void {
  const { box, text } = elements();
  if (!box || !text) return;
  const busy = pending.length > 0;
  box.hidden = !busy;
  document.body.setAttribute('aria-busy', String(busy));
  text.textContent = busy ? pending[pending.length - 1] : '';
}

/** Shows `description` until the returned function is called. */
export function startProgress(description: string): () => void {
  pending.push(description);
  render();
  let done = false;
  return () => {
    if (done) return;
    done = true;
    const i = pending.lastIndexOf(description);
    if (i >= 0) pending.splice(i, 1);
    render();
  };
}

export function isBusy(): boolean {
  return pending.length > 0;
}
