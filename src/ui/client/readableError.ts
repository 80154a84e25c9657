/**
 * Turns what google.script.run's failure handler receives into a sentence staff can act on.
 * The server already writes its own refusals and validation messages for staff (runEntry.fromPage);
 * what is left here is what Apps Script itself adds around them, and failures that never reached
 * the add-on (the connection dropped, the session expired).
 */
const PREFIXES = /^(?:(?:ScriptError|Exception|Error|TypeError|UserFacingError|ValidationError|NotAllowedError)\s*:\s*)+/;

export function readableError(error: unknown): string {
  const raw = (error instanceof Error ? error.message : typeof error === 'string' ? error : '').trim();
  if (!raw) return 'The add-on did not answer. Please try again; if it keeps happening, reload the sidebar.';
  if (/^NetworkError|Connection failure|HTTP 0|Failed to fetch/i.test(raw)) {
    return 'The connection to Google was lost before the add-on answered, so nothing may have been saved. Check your internet connection, then try again.';
  }
  if (/authori[sz]ation is required|PERMISSION_DENIED|You do not have permission to call/i.test(raw)) {
    return 'Google needs you to allow the add-on again before it can do this. Close the sidebar, open it again from Extensions → Health Needs Register, and accept the request.';
  }
  if (/exceeded maximum execution time/i.test(raw)) {
    return 'Google stopped the add-on because it took too long. Nothing further was changed. Please try again in a minute.';
  }
  if (/^We're sorry, a server error occurred/i.test(raw)) {
    return 'Google reported an error of its own and the add-on did not run. Please wait a minute and try again.';
  }
  return raw.replace(PREFIXES, '');
}
