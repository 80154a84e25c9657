/**
 * The sidebar shell: one view at a time in #view, a back stack, a message line, and the data the
 * views share (the sidebar state and the form choices, each fetched once). Moving to a view moves
 * keyboard focus to its heading, so keyboard and screen-reader users land where the content is.
 */
import type { CurrentUser, FormChoices, PermissionName, SidebarState } from '../../shared/api';
import { h } from './dom';
import { may } from './permissions';
import { serverCall } from './serverCall';

export type Render = () => HTMLElement;

export type MessageKind = 'success' | 'error' | 'info';

export class App {
  state: SidebarState | null = null;
  private choices: FormChoices | null = null;
  private readonly stack: Render[] = [];
  /** The first view is not focused: the sidebar has just opened and focus belongs to the page. */
  private drawn = false;

  constructor(private readonly viewRoot: HTMLElement, private readonly messageRoot: HTMLElement) {}

  get user(): CurrentUser {
    if (!this.state) throw new Error('The sidebar state has not loaded yet.');
    return this.state.user;
  }

  may(permission: PermissionName): boolean {
    return this.state !== null && may(this.state.user, permission);
  }

  async refreshState(): Promise<SidebarState> {
    this.state = await serverCall('getSidebarState');
    return this.state;
  }

  async formChoices(): Promise<FormChoices> {
    if (!this.choices) this.choices = await serverCall('getFormChoices');
    return this.choices;
  }

  /** Replaces the whole stack: the home view. */
  home(render: Render): void {
    this.stack.length = 0;
    this.push(render);
  }

  push(render: Render): void {
    this.stack.push(render);
    this.draw();
  }

  /** Replaces the current view (after saving a form, the case it changed is shown instead of the form). */
  replace(render: Render): void {
    this.stack.pop();
    this.push(render);
  }

  /** A form is done: it closes and the view it came from is redrawn as `render` (with fresh data). */
  finish(render: Render): void {
    this.stack.pop();
    this.stack.pop();
    this.push(render);
  }

  canGoBack(): boolean {
    return this.stack.length > 1;
  }

  back(): void {
    if (this.stack.length > 1) this.stack.pop();
    this.clearMessage();
    this.draw();
  }

  /** The back button every view but the first shows at its top. */
  backButton(label: string): HTMLElement | null {
    if (!this.canGoBack()) return null;
    return h('button', { type: 'button', className: 'link back', onclick: () => this.back() }, `\u2190 ${label}`);
  }

  message(text: string, kind: MessageKind = 'info'): void {
    const root = this.messageRoot;
    root.replaceChildren();
    root.className = `message message-${kind}`;
    root.setAttribute('role', kind === 'error' ? 'alert' : 'status');
    for (const line of text.split('\n').filter(Boolean)) root.appendChild(h('p', {}, line));
    root.appendChild(h('button', { type: 'button', className: 'link dismiss', 'aria-label': 'Dismiss message', onclick: () => this.clearMessage() }, 'Dismiss'));
    root.hidden = false;
  }

  clearMessage(): void {
    this.messageRoot.hidden = true;
    this.messageRoot.replaceChildren();
  }

  private draw(): void {
    const render = this.stack[this.stack.length - 1];
    if (!render) return;
    const node = render();
    this.viewRoot.replaceChildren(node);
    const heading = node.querySelector<HTMLElement>('h2');
    if (heading) {
      heading.tabIndex = -1;
      if (this.drawn) heading.focus();
    }
    this.drawn = true;
    window.scrollTo(0, 0);
  }
}
