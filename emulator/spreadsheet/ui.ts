/**
 * SpreadsheetApp.getUi(): menus, alerts, prompts, sidebars and dialogs. Nothing is drawn; what the
 * script asked for is kept in UiState (workspace.ui) so tests can inspect it, and answers to
 * alerts and prompts come from a queue the test fills (workspace.ui.answer / answerPrompt).
 */
import type { EmulatorContext } from '../context';
import { makeEnum } from '../enums';
import type { FakeHtmlOutput } from '../html';

export const Button = makeEnum(['CLOSE', 'OK', 'CANCEL', 'YES', 'NO'] as const);
export type ButtonName = keyof typeof Button;
export const ButtonSet = makeEnum(['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL'] as const);
export type ButtonSetName = keyof typeof ButtonSet;

export type MenuEntry =
  | { kind: 'item'; caption: string; functionName: string }
  | { kind: 'separator' }
  | { kind: 'submenu'; menu: BuiltMenu };

export interface BuiltMenu {
  caption: string;
  /** True for createAddonMenu() (shown under Extensions → add-on name). */
  addon: boolean;
  entries: MenuEntry[];
}

export interface DialogRecord {
  kind: 'alert' | 'prompt';
  title: string;
  prompt: string;
  buttons: ButtonSetName;
  /** What the emulated user answered. */
  answer: ButtonName;
  responseText?: string;
}

export interface ShownHtml {
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  output: FakeHtmlOutput;
}

interface ScriptedAnswer { button: ButtonName; text?: string }

export class UiState {
  menus: BuiltMenu[] = [];
  /** The last sidebar shown, or null. */
  sidebar: ShownHtml | null = null;
  /** Every modal/modeless dialog shown, oldest first. */
  dialogs: ShownHtml[] = [];
  /** Every alert and prompt, oldest first. */
  alerts: DialogRecord[] = [];
  toasts: Array<{ message: string; title: string; timeoutSeconds: number }> = [];
  /** Display name used for createAddonMenu(). */
  addonName = 'Health Needs Register';
  private queue: ScriptedAnswer[] = [];

  /** The next alert/confirm is answered with this button. */
  answer(button: ButtonName): void {
    this.queue.push({ button });
  }

  /** The next prompt is answered with this text and button (OK by default). */
  answerPrompt(text: string, button: ButtonName = 'OK'): void {
    this.queue.push({ button, text });
  }

  pendingAnswers(): number {
    return this.queue.length;
  }

  /** With nothing queued, the user presses the first button of the set (OK or YES). */
  takeAnswer(buttons: ButtonSetName): ScriptedAnswer {
    return this.queue.shift() ?? { button: buttons.startsWith('YES') ? 'YES' : 'OK', text: '' };
  }

  menu(caption: string): BuiltMenu | undefined {
    return this.menus.find((m) => m.caption === caption);
  }

  reset(): void {
    this.menus = [];
    this.sidebar = null;
    this.dialogs = [];
    this.alerts = [];
    this.toasts = [];
    this.queue = [];
  }
}

const states = new WeakMap<EmulatorContext, UiState>();

export function uiStateFor(ctx: EmulatorContext): UiState {
  let s = states.get(ctx);
  if (!s) {
    s = new UiState();
    states.set(ctx, s);
  }
  return s;
}

export class FakeMenu {
  private readonly built: BuiltMenu;

  constructor(private readonly ctx: EmulatorContext, caption: string, addon: boolean) {
    this.built = { caption, addon, entries: [] };
  }

  addItem(caption: string, functionName: string): this {
    this.ctx.meter.record('SpreadsheetApp', 'Menu.addItem');
    this.built.entries.push({ kind: 'item', caption, functionName });
    return this;
  }

  addSeparator(): this {
    this.ctx.meter.record('SpreadsheetApp', 'Menu.addSeparator');
    this.built.entries.push({ kind: 'separator' });
    return this;
  }

  addSubMenu(menu: FakeMenu): this {
    this.ctx.meter.record('SpreadsheetApp', 'Menu.addSubMenu');
    this.built.entries.push({ kind: 'submenu', menu: menu.built });
    return this;
  }

  /** Adding a menu with the same caption again replaces it, as reopening the document would. */
  addToUi(): void {
    this.ctx.meter.record('SpreadsheetApp', 'Menu.addToUi');
    const state = uiStateFor(this.ctx);
    state.menus = state.menus.filter((m) => !(m.caption === this.built.caption && m.addon === this.built.addon));
    state.menus.push(this.built);
  }
}

export class FakePromptResponse {
  constructor(private readonly text: string, private readonly button: ButtonName) {}
  getResponseText(): string { return this.text; }
  getSelectedButton(): ButtonName { return this.button; }
}

export class FakeUi {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;

  constructor(private readonly ctx: EmulatorContext) {}

  private record(method: string): void {
    this.ctx.meter.record('SpreadsheetApp', `Ui.${method}`);
  }

  private get state(): UiState {
    return uiStateFor(this.ctx);
  }

  createMenu(caption: string): FakeMenu {
    this.record('createMenu');
    return new FakeMenu(this.ctx, caption, false);
  }

  createAddonMenu(): FakeMenu {
    this.record('createAddonMenu');
    return new FakeMenu(this.ctx, this.state.addonName, true);
  }

  /** alert(prompt), alert(prompt, buttons), alert(title, prompt, buttons). */
  alert(a: string, b?: string | ButtonSetName, c?: ButtonSetName): ButtonName {
    this.record('alert');
    const { title, prompt, buttons } = dialogArgs(a, b, c);
    const answer = this.state.takeAnswer(buttons);
    this.state.alerts.push({ kind: 'alert', title, prompt, buttons, answer: answer.button });
    return answer.button;
  }

  prompt(a: string, b?: string | ButtonSetName, c?: ButtonSetName): FakePromptResponse {
    this.record('prompt');
    const { title, prompt, buttons } = dialogArgs(a, b, c);
    const answer = this.state.takeAnswer(buttons);
    const text = answer.text ?? '';
    this.state.alerts.push({ kind: 'prompt', title, prompt, buttons, answer: answer.button, responseText: text });
    return new FakePromptResponse(text, answer.button);
  }

  showSidebar(userInterface: FakeHtmlOutput): void {
    this.record('showSidebar');
    this.state.sidebar = { kind: 'sidebar', title: userInterface.getTitleUnmetered(), output: userInterface };
  }

  showModalDialog(userInterface: FakeHtmlOutput, title: string): void {
    this.record('showModalDialog');
    this.state.dialogs.push({ kind: 'modal', title, output: userInterface });
  }

  showModelessDialog(userInterface: FakeHtmlOutput, title: string): void {
    this.record('showModelessDialog');
    this.state.dialogs.push({ kind: 'modeless', title, output: userInterface });
  }
}

function isButtonSet(v: unknown): v is ButtonSetName {
  return typeof v === 'string' && v in ButtonSet;
}

function dialogArgs(a: string, b?: string | ButtonSetName, c?: ButtonSetName): { title: string; prompt: string; buttons: ButtonSetName } {
  if (c !== undefined) return { title: a, prompt: String(b ?? ''), buttons: c };
  if (b !== undefined && isButtonSet(b)) return { title: '', prompt: a, buttons: b };
  // prompt(title, prompt) without buttons is not an overload; treat a lone string as the prompt.
  return { title: '', prompt: a, buttons: 'OK' };
}
