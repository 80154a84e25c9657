import type { TableSpec } from './types';

/** Every letter to a parent/carer: what, to whom, how, and whether it went. */
export const PARENT_LETTERS: TableSpec = {
  key: 'letters',
  title: 'Parent letters',
  purpose: 'Every letter to a parent/carer: when, to whom, the document, how it was sent and whether it went. Written by the add-on.',
  appendOnly: true,
  tabColour: '#0b8043',
  highlights: [
    { column: 'status', when: { startsWith: 'Failed' }, background: '#fad2cf', meaning: 'The letter could not be made or sent: the status says why.' },
    { column: 'status', when: { startsWith: 'Held' }, background: '#fce8b2', meaning: 'Held until the daily email allowance has room: it goes on the next run.' },
  ],
  columns: [
    { key: 'letterId', header: 'Letter ID', type: 'text', required: true },
    { key: 'caseRef', header: 'Case ref', type: 'text', required: true },
    { key: 'kind', header: 'Kind', type: 'text', required: true },
    { key: 'to', header: 'To', type: 'text', required: true },
    { key: 'how', header: 'How', type: 'text', required: true, list: 'Letter delivery' },
    { key: 'documentLink', header: 'Document link', type: 'link' },
    { key: 'pdfLink', header: 'PDF link', type: 'link' },
    { key: 'status', header: 'Status', type: 'text', required: true, note: 'Queued, Sending, Generated, Sent, Held: email quota, or Failed: with the reason.' },
    { key: 'createdAt', header: 'Created at', type: 'dateTime', required: true },
    { key: 'sentAt', header: 'Sent at', type: 'dateTime' },
    { key: 'by', header: 'By', type: 'email', required: true },
    { key: 'updatedAt', header: 'Status changed', type: 'dateTime', required: true },
    { key: 'content', header: 'Letter content (for the add-on)', type: 'longText', required: true, note: 'What is merged into the letter, kept so a resumed run makes exactly the letter that was previewed. Do not edit.' },
  ],
};
