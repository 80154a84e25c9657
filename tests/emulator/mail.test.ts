import { createWorkspace } from '../../emulator/workspace';
import { FakeBlob } from '../../emulator/utilities';

function setUp() {
  const workspace = createWorkspace({ now: () => new Date('2026-09-07T08:00:00Z') });
  const MailApp = workspace.globals.MailApp as GoogleAppsScript.Mail.MailApp;
  return { workspace, MailApp };
}

describe('MailApp', () => {
  it('sends through both signatures into the outbox, from the effective user', () => {
    const { workspace, MailApp } = setUp();
    const pdf = new FakeBlob('%PDF-1.4 x', 'application/pdf', 'Plan.pdf') as unknown as GoogleAppsScript.Base.Blob;
    MailApp.sendEmail({
      to: 'parent@example.com, Head <head@school.example>',
      cc: 'senco@school.example',
      subject: 'Reintegration plan',
      body: 'Please find the plan attached.',
      htmlBody: '<p>Please find the plan attached.</p>',
      name: 'Health Needs Register',
      attachments: [pdf],
      noReply: true,
    });
    MailApp.sendEmail('tutor@school.example', 'Contact due', 'Amira has had no contact for 5 days.', { replyTo: 'office@school.example' });

    const [first, second] = workspace.mail.outbox;
    expect(first).toEqual(expect.objectContaining({
      from: 'coordinator@school.example',
      fromName: 'Health Needs Register',
      to: ['parent@example.com', 'head@school.example'],
      cc: ['senco@school.example'],
      subject: 'Reintegration plan',
      htmlBody: '<p>Please find the plan attached.</p>',
      attachments: [{ name: 'Plan.pdf', contentType: 'application/pdf', size: 10 }],
      noReply: true,
      sentAt: '2026-09-07T08:00:00.000Z',
    }));
    expect(second).toEqual(expect.objectContaining({ to: ['tutor@school.example'], replyTo: 'office@school.example', body: 'Amira has had no contact for 5 days.' }));
    // The workspace's own outbox is the same list.
    expect(workspace.outbox).toHaveLength(2);
  });

  it('counts recipients against the daily quota and refuses when it runs out', () => {
    const { workspace, MailApp } = setUp();
    expect(MailApp.getRemainingDailyQuota()).toBe(1500);
    MailApp.sendEmail({ to: 'a@school.example,b@school.example', bcc: 'c@school.example', subject: 's', body: 'b' });
    expect(MailApp.getRemainingDailyQuota()).toBe(1497);

    workspace.mail.setRemainingDailyQuota(1);
    expect(() => MailApp.sendEmail({ to: 'a@school.example', cc: 'b@school.example', subject: 's', body: 'b' }))
      .toThrow('Service invoked too many times for one day: email.');
    MailApp.sendEmail('a@school.example', 's', 'b');
    expect(MailApp.getRemainingDailyQuota()).toBe(0);
    expect(() => MailApp.sendEmail('a@school.example', 's', 'b')).toThrow('Service invoked too many times for one day: email.');
    expect(workspace.mail.outbox).toHaveLength(2);
  });

  it('rejects an invalid address and a message with no recipient, sending nothing', () => {
    const { workspace, MailApp } = setUp();
    expect(() => MailApp.sendEmail('not-an-address', 's', 'b')).toThrow('Invalid email: not-an-address');
    expect(() => MailApp.sendEmail({ to: 'ok@school.example', cc: 'bad@', subject: 's', body: 'b' })).toThrow('Invalid email: bad@');
    expect(() => MailApp.sendEmail({ subject: 's', body: 'b' })).toThrow('Failed to send email: no recipient');
    expect(workspace.mail.outbox).toHaveLength(0);
    expect(MailApp.getRemainingDailyQuota()).toBe(1500);
  });

  it('meters calls, and the quota and outbox survive toJSON/fromJSON', () => {
    const { workspace, MailApp } = setUp();
    MailApp.sendEmail('a@school.example', 's', 'b');
    expect(workspace.meter.snapshot()['MailApp.sendEmail']).toBe(1);

    const saved = JSON.parse(JSON.stringify(workspace.toJSON()));
    const restored = createWorkspace();
    restored.fromJSON(saved);
    expect(restored.mail.remainingDailyQuota).toBe(1499);
    expect(restored.mail.outbox.map((m) => m.to)).toEqual([['a@school.example']]);
    (restored.globals.MailApp as GoogleAppsScript.Mail.MailApp).sendEmail('b@school.example', 's', 'b');
    expect(restored.outbox).toHaveLength(2);
  });
});
