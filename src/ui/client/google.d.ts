/**
 * The part of the HtmlService page runtime the sidebar uses: google.script.run and
 * google.script.host. Declared here because the page compiles without @types/google-apps-script
 * (those describe the server, not the page).
 */
interface GoogleScriptRunner {
  withSuccessHandler(handler: (value: unknown, userObject?: unknown) => void): GoogleScriptRunner;
  withFailureHandler(handler: (error: Error | string, userObject?: unknown) => void): GoogleScriptRunner;
  withUserObject(userObject: unknown): GoogleScriptRunner;
  [serverFunction: string]: unknown;
}

interface GoogleScriptHost {
  close(): void;
  editor?: { focus(): void };
}

declare const google: { script: { run: GoogleScriptRunner; host: GoogleScriptHost } };
