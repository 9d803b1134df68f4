// The stand's dashboard: the data service for approvals and their visas, the control plane for
// the journal, fault rules, settings and state. Every call carries the BPMCSRF header, as a
// Creatio client's would.
(() => {
  const VISA_STATUS = {
    '3462594d-77a7-4b0a-874a-6d8b54b293bc': 'Pending', 'e79facb3-3c32-43e7-a59e-12ba125e6132': 'Approved',
    'a93ab0b9-ca36-4b95-9b23-e01aa169c338': 'Rejected', '9120fdef-69be-4168-b5f3-517714b7a4e9': 'Cancelled'
  };
  const expanded = new Set();
  const $ = (id) => document.getElementById(id);
  const text = (value) => String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  const time = (value) => (!value || value.startsWith('0001-')) ? '' : new Date(value).toLocaleString();

  function csrf() {
    const cookie = document.cookie.split('; ').find((c) => c.startsWith('BPMCSRF='));
    return cookie ? decodeURIComponent(cookie.substring(8)) : '';
  }

  async function call(url, options = {}) {
    const response = await fetch(url, {
      ...options, credentials: 'same-origin',
      headers: { 'Accept': 'application/json', 'BPMCSRF': csrf(), ...(options.body ? { 'Content-Type': 'application/json' } : {}), ...(options.headers || {}) }
    });
    if (response.status === 401) {
      location.href = '/emulator/login.html?next=' + encodeURIComponent(location.pathname);
      throw new Error('signed out');
    }
    const body = response.status === 204 ? null : await response.json().catch(() => null);
    if (!response.ok) {
      throw new Error((body && (body.detail || body.error?.message)) || ('HTTP ' + response.status));
    }
    return body;
  }

  const SHOWN = 100;
  const VISAS_SEARCHED = 2000;
  const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const literal = (value) => "'" + value.replace(/'/g, "''") + "'";
  const odata = (set, options) => call('/0/odata/' + set + '?' + Object.entries(options)
    .map(([name, value]) => name + '=' + encodeURIComponent(value)).join('&'));

  // The filter runs in the stand, over every approval: a name, an id, or an approver's email
  // (found through the visas, newest approvals first).
  async function approvalQuery(filter) {
    if (!filter) {
      return { filter: null };
    }
    if (GUID.test(filter)) {
      return { filter: 'Id eq ' + filter };
    }
    if (!filter.includes('@')) {
      return { filter: 'contains(tolower(Name),' + literal(filter) + ')' };
    }
    const visas = await odata('ApprovalVisa', { $select: 'ApprovalId', $orderby: 'Approval/ModifiedOn desc',
      $top: VISAS_SEARCHED, $filter: 'contains(tolower(VisaOwner/Email),' + literal(filter) + ')' });
    const ids = [...new Set(visas.value.map((v) => v.ApprovalId))];
    return { filter: ids.length ? 'Id in (' + ids.slice(0, SHOWN).join(',') + ')' : 'false', total: ids.length,
      atLeast: visas.value.length >= VISAS_SEARCHED };
  }

  // A refresh started later wins: an earlier one's answers, for an older filter, are dropped.
  let approvalsDrawn = 0;
  async function loadApprovals() {
    const generation = ++approvalsDrawn;
    const query = await approvalQuery($('approval-filter').value.trim().toLowerCase());
    const data = await odata('Approval', { $orderby: 'ModifiedOn desc', $top: SHOWN, $count: true,
      ...(query.filter ? { $filter: query.filter } : {}),
      $expand: 'ApprovalVisaCollectionByApproval($count=true;$orderby=Round,Position;'
        + '$expand=VisaOwner($select=Email,Name)),Status($select=Name)' });
    if (generation !== approvalsDrawn) {
      return;
    }
    const history = $('show-history').checked;
    const approvals = data.value;
    const total = query.total ?? data['@odata.count'];
    $('approval-count').textContent = approvals.length < total
      ? `${approvals.length} changed last of ${query.atLeast ? 'at least ' : ''}${total}` : approvals.length;
    $('approvals').innerHTML = approvals.map((a) => {
      const visas = a.ApprovalVisaCollectionByApproval;
      const current = visas.filter((v) => v.Round === a.Round);
      const earlier = visas.filter((v) => v.Round < a.Round);
      const chain = current.map((v) => step(v)).join('<span class="arrow">→</span>')
        || (a.Round > 0 ? '<span class="muted">approved by ELMA with no steps</span>' : '<span class="muted">no chain yet</span>');
      const cut = visas.length < a['ApprovalVisaCollectionByApproval@odata.count']
        ? `<div class="muted" data-visas-cut>the first ${visas.length} of ${a['ApprovalVisaCollectionByApproval@odata.count']} visas (all rounds): the data service answers at most ${visas.length} rows</div>` : '';
      const older = history && earlier.length
        ? `<div class="history">earlier rounds: ${earlier.map((v) => `r${v.Round}·${text(v.VisaOwner?.Email)} ${VISA_STATUS[v.StatusId]}`).join(', ')}</div>` : '';
      return `<div class="approval" data-approval-id="${a.Id}">
        <div class="title"><span class="name">${text(a.Name)}</span><span class="badge ${text(a.Status?.Name)}" data-status>${text(a.Status?.Name)}</span>
        <span class="muted">round ${a.Round}</span><span class="id">${a.Id}</span></div>
        <div class="chain">${chain}</div>${cut}${older}</div>`;
    }).join('') || '<p class="muted">No approvals.</p>';
  }

  function step(visa) {
    const status = VISA_STATUS[visa.StatusId] || '';
    return `<span class="step ${status}" data-step-email="${text(visa.VisaOwner?.Email)}" data-step-status="${status}">
      <span class="who">${text(visa.VisaOwner?.Name || visa.VisaOwner?.Email)}</span> ${text(visa.VisaOwner?.Email)}<br>
      ${status}<span class="when"> ${time(visa.SetDate)}</span></span>`;
  }

  async function loadJournal() {
    const filter = $('journal-filter').value.trim();
    const param = !filter ? '' : (filter.includes('@') ? '&email=' : '&idCrm=') + encodeURIComponent(filter);
    const page = await call('/emulator/api/journal?size=50' + param);
    $('journal-count').textContent = page.total;
    $('journal').innerHTML = page.items.map((e) => {
      const row = `<tr class="entry" data-journal-id="${e.id}"><td>${new Date(e.time).toLocaleTimeString()}</td><td>${text(e.endpoint)}</td>
        <td>${text(e.idCrm)}</td><td>${e.auth}</td><td class="status-${String(e.status)[0]}" data-answer-status>${e.status} ${text(e.message)}</td>
        <td>${e.durationMs.toFixed(1)}</td></tr>`;
      const details = expanded.has(e.id) ? `<tr class="details"><td colspan="6">
        <div class="muted">from ${text(e.clientAddress)}${e.faultId ? ' · fault rule ' + e.faultId : ''}${e.bodyTruncated ? ' · body cut' : ''}</div>
        <div>Request</div><pre>${text(e.requestBody)}</pre>
        <div>Answer (HTTP ${e.httpStatus})</div><pre>${text(JSON.stringify({ status: e.status, error_message: e.message }))}</pre></td></tr>` : '';
      return row + details;
    }).join('');
  }

  async function loadFaults() {
    const rules = await call('/emulator/api/faults');
    $('faults').innerHTML = rules.map((r) => `<div class="fault" data-fault-id="${r.id}">
      <span class="what">${text(r.endpoint)}: ${r.drop ? 'drop' : (r.status ?? 'delay')}${r.delayMs ? ' after ' + r.delayMs + ' ms' : ''}
      ${r.idCrm ? ' · id ' + text(r.idCrm) : ''}${r.email ? ' · ' + text(r.email) : ''}${r.probability != null ? ' · p=' + r.probability : ''}
      <span class="muted">· ${r.times == null ? 'until removed' : r.remaining + ' of ' + r.times + ' left'} · applied ${r.applied}</span></span>
      <button class="secondary" data-remove-fault="${r.id}">Remove</button></div>`).join('') || '<p class="muted">No rules: the stand answers as usual.</p>';
  }

  async function loadSettings() {
    const settings = await call('/emulator/api/settings');
    $('enforce-order').checked = settings.enforceOrder;
    $('http-status').value = settings.httpStatus;
    const snapshots = await call('/emulator/api/snapshots');
    $('snapshots').innerHTML = '<option value="">Restore snapshot…</option>'
      + snapshots.map((s) => `<option value="${text(s.name)}">${text(s.name)}</option>`).join('');
  }

  async function refresh() {
    try {
      await Promise.all([loadApprovals(), loadJournal(), loadFaults()]);
    } catch (error) {
      console.warn(error);
    }
  }

  const number = (id) => $(id).value === '' ? undefined : Number($(id).value);
  $('fault-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    $('fault-error').textContent = '';
    const rule = {
      endpoint: $('fault-endpoint').value, status: number('fault-status'), times: number('fault-times'),
      delayMs: number('fault-delay'), idCrm: $('fault-id-crm').value || undefined, email: $('fault-email').value || undefined,
      probability: number('fault-probability'), drop: $('fault-drop').checked || undefined
    };
    try {
      await call('/emulator/api/faults', { method: 'POST', body: JSON.stringify(rule) });
      await loadFaults();
    } catch (error) {
      $('fault-error').textContent = error.message;
    }
  });
  $('faults').addEventListener('click', async (event) => {
    const id = event.target.dataset.removeFault;
    if (id) {
      await call('/emulator/api/faults/' + id, { method: 'DELETE' });
      await loadFaults();
    }
  });
  $('journal').addEventListener('click', (event) => {
    const row = event.target.closest('tr.entry');
    if (row) {
      const id = Number(row.dataset.journalId);
      expanded.has(id) ? expanded.delete(id) : expanded.add(id);
      loadJournal();
    }
  });
  $('enforce-order').addEventListener('change', () => call('/emulator/api/settings', { method: 'PUT', body: JSON.stringify({ enforceOrder: $('enforce-order').checked }) }));
  $('http-status').addEventListener('change', () => call('/emulator/api/settings', { method: 'PUT', body: JSON.stringify({ httpStatus: $('http-status').value }) }));
  $('reset-journal').addEventListener('click', async () => { await call('/emulator/api/reset?scope=journal', { method: 'POST' }); refresh(); });
  $('reset-all').addEventListener('click', async () => {
    if (confirm('Reset the whole stand: data, journal and fault rules, then the configured seed again?')) {
      await call('/emulator/api/reset', { method: 'POST' });
      refresh();
    }
  });
  $('take-snapshot').addEventListener('click', async () => {
    const name = prompt('Snapshot name');
    if (name) {
      await call('/emulator/api/snapshots', { method: 'POST', body: JSON.stringify({ name }) });
      loadSettings();
    }
  });
  $('snapshots').addEventListener('change', async () => {
    const name = $('snapshots').value;
    if (name && confirm('Restore the stand to snapshot "' + name + '"?')) {
      await call('/emulator/api/snapshots/' + encodeURIComponent(name) + '/restore', { method: 'POST' });
      refresh();
    }
    $('snapshots').value = '';
  });
  // Typing refreshes once it pauses, not at every key.
  let typing;
  ['approval-filter', 'show-history', 'journal-filter'].forEach((id) => $(id).addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(refresh, 250);
  }));

  loadSettings().catch((error) => console.warn(error));
  refresh();
  // The dashboard follows the stand live: a QA engineer keeps it open during a test run.
  setInterval(refresh, 1500);
})();
