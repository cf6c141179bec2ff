/**
 * Fix-all over the protocol: a client that resolves code actions gets the action without
 * its edits, and the edits on resolve; a 1,000-user ACL file answers both quickly (the
 * times are printed, not asserted). A resolve for a version that is gone changes nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LspTestClient } from '../support/lspClient';

const URI = 'file:///tmp/redis-config-fixall/users.acl';
const USERS = 1000;

interface Action {
  title: string;
  kind?: string;
  data?: unknown;
  edit?: { changes: Record<string, { newText: string }[]> };
}

test('fix-all is offered without edits and resolved once asked for', async () => {
  const client = new LspTestClient();
  try {
    await client.initialize(false, { textDocument: { codeAction: { resolveSupport: { properties: ['edit'] }, dataSupport: true } } });
    let text = 'user default off\n';
    for (let i = 0; i < USERS; i++) text += `user u${i} on >password${i}secretvalue${i} ~k${i}:* +get +set\n`;
    const opened = client.nextDiagnostics(URI, 1, 60_000);
    await client.open(URI, 'redis-acl', text);
    const published = await opened;
    const first = published.diagnostics.find((d) => d.code === 'plaintext-password');
    assert.ok(first);

    let t = Date.now();
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: first.range,
      context: { diagnostics: [first] },
    })) as Action[];
    const requestMs = Date.now() - t;
    const all = actions.find((a) => a.kind === 'source.fixAll.redis-config');
    assert.ok(all, actions.map((a) => a.title).join(' | '));
    assert.equal(all.edit, undefined);
    assert.ok(actions.some((a) => a.kind === 'quickfix' && /password of 'u0' as its SHA-256/.test(a.title)));

    t = Date.now();
    const resolved = (await client.connection.sendRequest('codeAction/resolve', all)) as Action;
    const resolveMs = Date.now() - t;
    const edits = resolved.edit?.changes[URI] ?? [];
    assert.equal(edits.length, USERS);
    assert.ok(edits.every((e) => /^#[0-9a-f]{64}$/.test(e.newText)));
    console.log(`fix-all, ${USERS} ACL users: code action request ${requestMs} ms, resolve ${resolveMs} ms`);

    // After an edit, the offered action is stale: resolving it adds no edits.
    await client.change(URI, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }]);
    const stale = (await client.connection.sendRequest('codeAction/resolve', all)) as Action;
    assert.equal(stale.edit, undefined);
  } finally {
    await client.shutdown();
  }
});
