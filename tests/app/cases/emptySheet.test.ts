/** First set-up tidies away a new spreadsheet's empty "Sheet1", never one with anything in it. */
import { createWorkspace } from '../../../emulator';
import { AppContext } from '../../../src/app/context';
import { createGasServices } from '../../../src/gas/services';
import { setUpRegister } from '../../../src/app/setUpRegister';

function setUpIn(prepare: (ws: ReturnType<typeof createWorkspace>) => void) {
  const ws = createWorkspace({ activeUser: 'lcm@school.example' });
  ws.install(globalThis as unknown as Record<string, unknown>);
  prepare(ws);
  setUpRegister(new AppContext(createGasServices()));
  ws.endExecution();
  return ws.spreadsheet.getSheets().map((s) => s.getName());
}

describe('the new spreadsheet\u2019s Sheet1', () => {
  it('is removed on first set-up when empty', () => {
    const names = setUpIn(() => undefined);
    expect(names).toContain('Cases');
    expect(names).not.toContain('Sheet1');
  });

  it('is kept when it holds anything', () => {
    const names = setUpIn((ws) => ws.spreadsheet.getSheetByName('Sheet1')!.getRange('A1').setValue('Our own notes'));
    expect(names).toContain('Sheet1');
  });
});
