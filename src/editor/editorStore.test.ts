import { describe, it, expect } from 'vitest';
import { createEditorStore } from './editorStore';

const range = { startLine: 3, startColumn: 1, endLine: 3, endColumn: 5 };

describe('editor store', () => {
  it('tracks a running action and applies its outcome in one place', () => {
    const s = createEditorStore();
    s.getState().setConfirmingDelete(true);
    s.getState().begin('apply');
    expect(s.getState()).toMatchObject({ busy: 'apply', confirmingDelete: false });
    s.getState().finish({ action: 'apply', ok: false, problems: [{ message: 'bad', range }], results: [{ tone: 'error', text: 'x' }], notice: { tone: 'error', title: 't', message: 'm' } });
    expect(s.getState()).toMatchObject({ busy: null, lastAction: 'apply', problems: [{ message: 'bad' }], notice: { title: 't' } });
  });

  it('drops stale markers when the text changes, and keeps the diff only for diff outcomes', () => {
    const s = createEditorStore();
    const diff = { live: '', merged: 'a: 1\n', summary: '1 to create, 0 to change, 0 unchanged', changed: true };
    s.getState().finish({ action: 'diff', ok: true, problems: [{ message: 'm', range }], results: [], diff });
    expect(s.getState().diff).toEqual(diff);
    s.getState().textEdited();
    expect(s.getState().problems).toEqual([]);
    s.getState().finish({ action: 'apply', ok: true, problems: [], results: [] });
    expect(s.getState().diff).toBeNull();
  });

  it('drops an ok or info notice on edit, but keeps an error until dismissed', () => {
    const s = createEditorStore();
    s.getState().showNotice({ tone: 'info', title: 'Loaded', message: '' });
    s.getState().textEdited();
    expect(s.getState().notice).toBeNull();
    s.getState().showNotice({ tone: 'error', title: 'Nothing applied', message: '' });
    s.getState().textEdited();
    expect(s.getState().notice?.title).toBe('Nothing applied');
  });
});
