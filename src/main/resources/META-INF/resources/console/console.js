// 工作台: pages for bureau staff, each reading the public API (/api/v1) with the signed-in token.
// Text from the API is only ever set as textContent (a head name may be "<script>" or "=HYPERLINK").

const LANG = new URLSearchParams(location.search).get('lang')?.startsWith('en') ? 'en' : 'zh';
const TEXT = {
  zh: {
    partial: '显示前 {shown} 条，共 {total} 条；全部请在“导出”中下载。',
    skip: '跳到正文', title: '帮扶集市 · 工作台', year: '年度', signOut: '退出',
    'nav.overview': '总览', 'nav.households': '农户', 'nav.alerts': '风险预警', 'nav.import': '导入',
    'nav.export': '导出', 'nav.agreements': '协议',
    'signIn.title': '登录', 'signIn.dev': '开发与测试环境：选择一个身份，由 /dev/token 签发令牌。',
    'signIn.identity': '身份', 'signIn.county': '县级农业农村局（静宁县 620826）', 'signIn.city': '市级（平凉市 620800）',
    'signIn.province': '省级（甘肃省 620000）', 'signIn.region': '或输入区域代码', 'signIn.submit': '登录',
    'signIn.unavailable': '此环境没有开发令牌：请通过统一身份认证登录。',
    'signIn.oidc': '使用统一身份认证（OpenID Connect）登录。', 'signIn.oidcSubmit': '统一身份认证登录',
    'signIn.failed': '登录失败，请重试。', 'signIn.notBureau': '此账号不是帮扶部门工作人员。',
    households: '农户数', linked: '联农带农户数', atRisk: '风险户数', alerts: '预警户数', sales: '销售额(元)',
    income: '农户收入(元)', growth: '销售增长', byMechanism: '带农收益（按联结方式）', topEntities: '带农收益最多的经营主体',
    entity: '经营主体', returned: '带农收益(元)', returnedBp: '带农比例', agreementsTitle: '东西部协作协议完成情况',
    agreement: '协议', target: '目标(元)', realized: '完成(元)', progress: '进度', noLine: '未设置监测线',
    village: '村代码', codeOrName: '户编码或户主姓名', search: '查询', code: '户编码', headName: '户主姓名',
    idNumber: '身份证号', members: '家庭人口', category: '户类别', perCapita: '人均收入(元)', previousPerCapita: '上年人均(元)',
    line: '监测线(元)', reasons: '预警原因', yearFigures: '年度收入', ledger: '收益明细', history: '变更记录',
    date: '日期', mechanism: '联结方式', amount: '金额(元)', otherIncome: '其他收入(元)', annualIncome: '年收入(元)',
    importTitle: '导入名单', importKind: '名单类型', rosterKind: '农户名单', linkKind: '联农带农关系', file: '文件（CSV 或 XLSX）',
    upload: '导入', template: '下载模板', imported: '已导入 {n} 行', row: '行', field: '列', message: '问题',
    exportTitle: '导出台账', exportKind: '内容', regionCode: '区域代码', ledgerKind: '农户收入台账', contributionKind: '收益明细',
    cooperativeKind: '经营主体联农带农成效', format: '格式', download: '下载', downloaded: '已下载 {n} 字节',
    downloading: '正在下载…', buyerRegion: '购买方', sellerRegion: '销售方', orders: '订单数', recognized: '认定产品(元)',
    none: '暂无数据', failed: '请求失败',
    SALES_SHARE: '销售分成', DIVIDEND: '入股分红', PROCUREMENT: '订单收购', WAGE: '务工就业', LAND_RENT: '土地流转',
    BELOW_LINE: '低于监测线', NEAR_LINE: '接近监测线', INCOME_DROP: '收入骤减',
    POVERTY_ALLEVIATED: '脱贫户', MONITORED_UNSTABLE: '脱贫不稳定户', MONITORED_MARGINAL: '边缘易致贫户',
    MONITORED_SUDDEN_HARDSHIP: '突发严重困难户', ORDINARY: '一般农户',
  },
  en: {
    partial: 'Showing the first {shown} of {total}; the whole list is under Export.',
    skip: 'Skip to content', title: 'Bangfu market · console', year: 'Year', signOut: 'Sign out',
    'nav.overview': 'Overview', 'nav.households': 'Households', 'nav.alerts': 'Alerts', 'nav.import': 'Import',
    'nav.export': 'Export', 'nav.agreements': 'Agreements',
    'signIn.title': 'Sign in', 'signIn.dev': 'Development and test: pick an identity; /dev/token signs its token.',
    'signIn.identity': 'Identity', 'signIn.county': 'County bureau (Jingning 620826)', 'signIn.city': 'City (Pingliang 620800)',
    'signIn.province': 'Province (Gansu 620000)', 'signIn.region': 'or a region code', 'signIn.submit': 'Sign in',
    'signIn.unavailable': 'This environment has no development tokens: sign in through the identity provider.',
    'signIn.oidc': 'Sign in through the identity provider (OpenID Connect).', 'signIn.oidcSubmit': 'Sign in',
    'signIn.failed': 'Signing in failed; try again.', 'signIn.notBureau': 'This account is not bureau staff.',
    households: 'Households', linked: 'Linked households', atRisk: 'At risk', alerts: 'Alerts', sales: 'Sales (yuan)',
    income: 'Household income (yuan)', growth: 'Sales growth', byMechanism: 'Income created, by mechanism',
    topEntities: 'Entities that returned most', entity: 'Entity', returned: 'Returned (yuan)', returnedBp: 'Returned',
    agreementsTitle: 'Paired-region agreements', agreement: 'Agreement', target: 'Target (yuan)',
    realized: 'Realized (yuan)', progress: 'Progress', noLine: 'no monitoring line', village: 'Village code',
    codeOrName: 'Code or head name', search: 'Search', code: 'Code', headName: 'Head', idNumber: 'ID number',
    members: 'Members', category: 'Category', perCapita: 'Per capita (yuan)', previousPerCapita: 'Last year (yuan)',
    line: 'Line (yuan)', reasons: 'Reasons', yearFigures: 'Year figures', ledger: 'Ledger', history: 'History',
    date: 'Date', mechanism: 'Mechanism', amount: 'Amount (yuan)', otherIncome: 'Other income (yuan)',
    annualIncome: 'Annual income (yuan)', importTitle: 'Import', importKind: 'List', rosterKind: 'Household roster',
    linkKind: 'Benefit links', file: 'File (CSV or XLSX)', upload: 'Import', template: 'Template',
    imported: '{n} rows imported', row: 'Row', field: 'Column', message: 'Problem', exportTitle: 'Export', regionCode: 'Region code',
    exportKind: 'Content', ledgerKind: 'Household income ledger', contributionKind: 'Contribution ledger',
    cooperativeKind: 'Entity assessment', format: 'Format', download: 'Download', downloaded: '{n} bytes downloaded',
    downloading: 'Downloading…', buyerRegion: 'Buyer side', sellerRegion: 'Seller side', orders: 'Orders',
    recognized: 'Recognised (yuan)', none: 'Nothing yet', failed: 'The request failed',
    SALES_SHARE: 'Sales share', DIVIDEND: 'Dividend', PROCUREMENT: 'Procurement', WAGE: 'Wage', LAND_RENT: 'Land rent',
    BELOW_LINE: 'Below line', NEAR_LINE: 'Near line', INCOME_DROP: 'Income drop',
    POVERTY_ALLEVIATED: 'Poverty alleviated', MONITORED_UNSTABLE: 'Unstable (monitored)',
    MONITORED_MARGINAL: 'Marginal (monitored)', MONITORED_SUDDEN_HARDSHIP: 'Sudden hardship (monitored)',
    ORDINARY: 'Ordinary',
  },
};
const t = (key, values = {}) => (TEXT[LANG][key] ?? key).replace(/\{(\w+)}/g, (_, k) => values[k]);
const MECHANISMS = ['SALES_SHARE', 'DIVIDEND', 'PROCUREMENT', 'WAGE', 'LAND_RENT'];
const TOKEN_KEY = 'bangfu.console.token'; // sessionStorage: gone with the tab, never localStorage
const REGION_KEY = 'bangfu.console.region';

/** Under a list the API answered one page of: how many of how many are shown, and where the rest is. */
const partial = list => list.total > list.items.length
  ? el('p', { class: 'partial' }, t('partial', { shown: list.items.length, total: list.total })) : '';

/** An element with attributes and children (strings become text nodes). */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== undefined && value !== null && value !== false) node.setAttribute(name, value);
  }
  for (const child of children.flat()) node.append(child instanceof Node ? child : String(child ?? ''));
  return node;
}
const yuan = fen => (fen === null || fen === undefined) ? '—'
  : (fen < 0 ? '-' : '') + Math.floor(Math.abs(fen) / 100).toLocaleString('zh-CN') + '.'
    + String(Math.abs(fen) % 100).padStart(2, '0');
const percent = bp => (bp === null || bp === undefined) ? '—' : (bp / 100).toFixed(2) + '%';
const region = () => sessionStorage.getItem(REGION_KEY);
const year = () => document.getElementById('year').value;

class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || String(status));
    this.status = status;
    this.problem = problem;
  }
}

/**
 * A call to the public API with the signed-in token; problems become ApiErrors. A token refused
 * (401: the realm's access tokens last minutes) is renewed once with the refresh token, and the
 * call made again; only then is the user signed out.
 */
async function api(path, options = {}) {
  const call = () => {
    const headers = { 'Accept-Language': LANG === 'en' ? 'en' : 'zh-CN', ...(options.headers || {}) };
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (token) headers.Authorization = 'Bearer ' + token;
    return fetch('/api/v1' + path, { ...options, headers });
  };
  let response = await call();
  if (response.status === 401 && await renewed()) response = await call();
  if (response.status === 401) {
    signOut();
    throw new ApiError(401);
  }
  if (!response.ok) {
    let problem = null;
    try { problem = await response.json(); } catch (ignored) { /* not a problem document */ }
    throw new ApiError(response.status, problem);
  }
  return options.raw ? response : response.json();
}

/** Every item of a list, in pages of 200 fetched together (a region's entities, a year's agreements). */
async function everyItem(path) {
  const page = n => api(`${path}${path.includes('?') ? '&' : '?'}size=200&page=${n}`);
  const first = await page(0);
  const more = Math.max(0, Math.ceil(first.total / 200) - 1);
  const rest = await Promise.all(Array.from({ length: more }, (_, i) => page(i + 1)));
  return first.items.concat(...rest.map(p => p.items));
}

function table(headers, rows, numeric = []) {
  if (rows.length === 0) return el('p', {}, t('none'));
  return el('div', { class: 'table-wrap' }, el('table', {},
    el('thead', {}, el('tr', {}, headers.map(h => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, rows.map(r => el('tr', {}, r.map((cell, i) =>
      el('td', numeric.includes(i) ? { class: 'num' } : {}, cell)))))));
}

function card(label, value, id) {
  return el('div', { class: 'card', id }, el('div', {}, label), el('div', { class: 'value' }, value));
}

function problem(error) {
  return el('p', { class: 'problem', role: 'alert' }, t('failed') + ': ' + error.message);
}

// ---- pages ----

async function overview(page) {
  // the figures first (region report and alert count, a few hundred ms at 100,000 households);
  // the entities' assessment, which sums the year's ledger rows, fills its sections when it comes
  const later = Promise.all([everyItem(`/reports/cooperatives?regionCode=${region()}&year=${year()}`),
    everyItem(`/reports/agreements?year=${year()}`)]);
  later.catch(() => {}); // awaited below; no unhandled rejection while the figures load
  const alertCount = api(`/households/alerts?regionCode=${region()}&year=${year()}&size=1`).then(a => a.total,
    e => { if (e.status === 422 || e.status === 400) return t('noLine'); throw e; });
  const [report, alerts] = await Promise.all([api(`/reports/regions?regionCode=${region()}&year=${year()}`),
    alertCount]);
  const total = report.total;
  const chart = el('div', { class: 'chart', id: 'mechanism-chart', role: 'img', 'aria-label': t('byMechanism') });
  const entitiesBox = el('div', { id: 'top-entities' });
  const agreementsBox = el('div', { id: 'overview-agreements' });
  page.append(el('h2', {}, t('nav.overview') + ' · ' + total.name),
    el('div', { class: 'cards' },
      card(t('households'), total.households.toLocaleString(), 'card-households'),
      card(t('linked'), total.linkedHouseholds.toLocaleString(), 'card-linked'),
      card(t('atRisk'), total.atRiskHouseholds ?? t('noLine'), 'card-at-risk'),
      card(t('alerts'), alerts, 'card-alerts'),
      card(t('sales'), yuan(total.salesFen), 'card-sales'),
      card(t('income'), yuan(total.householdIncomeFen), 'card-income'),
      card(t('growth'), percent(total.growthBp), 'card-growth')),
    el('div', { class: 'grid2' },
      el('section', {}, el('h3', {}, t('byMechanism')), chart),
      el('section', {}, el('h3', {}, t('topEntities')), entitiesBox)),
    el('section', {}, el('h3', {}, t('agreementsTitle')), agreementsBox));
  performance.mark('bangfu:overview-figures'); // for src/bench/console.sh: the figures drawn
  const [entities, agreements] = await later;
  const byMechanism = {};
  entities.forEach(e => Object.entries(e.byMechanism).forEach(([m, fen]) => byMechanism[m] = (byMechanism[m] || 0) + fen));
  entitiesBox.append(table([t('entity'), t('returned'), t('returnedBp')],
    [...entities].sort((a, b) => b.householdIncomeFen - a.householdIncomeFen).slice(0, 5)
      .map(e => [e.name, yuan(e.householdIncomeFen), percent(e.returnedBp)]), [1, 2]));
  agreementsBox.append(agreementBars(agreements));
  window.echarts.init(chart).setOption({
    animation: false,
    tooltip: {},
    xAxis: { type: 'category', data: MECHANISMS.map(m => t(m)) },
    yAxis: { type: 'value', name: t('amount') },
    series: [{ type: 'bar', data: MECHANISMS.map(m => (byMechanism[m] || 0) / 100), itemStyle: { color: '#1f5fa8' } }],
  });
}

function agreementBars(agreements) {
  if (agreements.length === 0) return el('p', {}, t('none'));
  return el('ul', { class: 'bars' }, agreements.map(a => el('li', {},
    el('label', { for: 'agreement-' + a.agreementId }, `${a.title}（${yuan(a.realizedFen)} / ${yuan(a.targetFen)}）`),
    el('progress', { id: 'agreement-' + a.agreementId, max: 10000, value: Math.min(a.realizedBp, 10000) },
      percent(a.realizedBp)))));
}

async function households(page) {
  const form = el('form', { class: 'inline', id: 'household-search' },
    el('label', {}, t('village'), el('input', { name: 'villageCode', id: 'village-code',
      inputmode: 'numeric', pattern: '\\d{12}', value: sessionStorage.getItem('bangfu.console.village') || '' })),
    el('label', {}, t('codeOrName'), el('input', { name: 'q', id: 'household-q' })),
    el('button', { type: 'submit' }, t('search')));
  const results = el('div', { id: 'household-results' });
  page.append(el('h2', {}, t('nav.households')), form, results);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const village = form.villageCode.value.trim();
    const q = form.q.value.trim();
    sessionStorage.setItem('bangfu.console.village', village);
    results.replaceChildren();
    try {
      // a village, else the bureau's whole region; q: the start of a code or a part of the head's name
      const scope = village ? `villageCode=${encodeURIComponent(village)}` : `regionCode=${region()}`;
      const list = await api(`/households?${scope}&q=${encodeURIComponent(q)}&size=200`);
      const items = list.items;
      results.append(table([t('code'), t('headName'), t('idNumber'), t('members'), t('category')],
        items.map(h => [el('a', { href: '#household/' + h.id }, h.code), h.headName, h.idNumber, h.members, t(h.category)])),
        partial(list));
    } catch (e) {
      results.append(problem(e));
    }
  });
  if (form.villageCode.value) form.requestSubmit(); // the village of the last search
}

async function household(page, id) {
  const [h, income, ledger, changes] = await Promise.all([api(`/households/${id}`),
    api(`/households/${id}/income?year=${year()}`),
    api(`/contributions?householdId=${id}&from=${year()}-01-01&to=${year()}-12-31&size=100`),
    api(`/households/${id}/changes`)]);
  page.append(el('h2', {}, `${h.headName}（${h.code}）`),
    el('p', {}, `${t('idNumber')} ${h.idNumber} · ${t('members')} ${h.members} · ${t('category')} ${t(h.category)}`),
    el('h3', {}, t('yearFigures') + ' ' + income.year),
    table([t('mechanism'), t('amount')], [
      ...Object.entries(income.byMechanism).map(([m, fen]) => [t(m), yuan(fen)]),
      [t('otherIncome'), yuan(income.otherIncomeFen)], [t('annualIncome'), yuan(income.annualIncomeFen)],
      [t('perCapita'), yuan(income.perCapitaFen)], [t('line'), yuan(income.lineFen)]], [1]),
    el('h3', {}, t('ledger')),
    table([t('date'), t('mechanism'), t('amount'), t('entity')],
      ledger.items.map(c => [c.date, t(c.mechanism), yuan(c.amountFen), c.cooperativeId]), [2]), partial(ledger),
    el('h3', {}, t('history')),
    table([t('date'), t('members'), t('category')],
      changes.items.map(c => [c.effectiveFrom ?? '—', c.members ?? '—', c.category ? t(c.category) : '—'])));
}

async function alerts(page) {
  page.append(el('h2', {}, t('nav.alerts')));
  try {
    const list = await api(`/households/alerts?regionCode=${region()}&year=${year()}&size=100`);
    page.append(table([t('code'), t('village'), t('members'), t('perCapita'), t('previousPerCapita'), t('line'),
        t('reasons')], list.items.map(a => [el('a', { href: '#household/' + a.householdId }, a.householdCode),
        a.villageCode, a.members, yuan(a.perCapitaFen), yuan(a.previousPerCapitaFen), yuan(a.lineFen),
        el('span', { class: 'risk' }, a.reasons.map(r => t(r)).join('、'))]), [2, 3, 4, 5]), partial(list));
  } catch (e) {
    // no line for the year in the region's province: nothing can be compared yet
    page.append(e.status === 422 ? el('p', { id: 'no-line' }, t('noLine')) : problem(e));
  }
}

async function importPage(page) {
  const form = el('form', { id: 'import-form' },
    el('label', { for: 'import-kind' }, t('importKind')),
    el('select', { id: 'import-kind', name: 'kind' }, el('option', { value: 'households' }, t('rosterKind')),
      el('option', { value: 'links' }, t('linkKind'))),
    el('label', { for: 'import-file' }, t('file')),
    el('input', { id: 'import-file', name: 'file', type: 'file', accept: '.csv,.xlsx', required: true }),
    el('button', { type: 'submit', id: 'import-button' }, t('upload')),
    el('button', { type: 'button', id: 'template-button' }, t('template')));
  const result = el('div', { id: 'import-result', 'aria-live': 'polite' });
  page.append(el('h2', {}, t('importTitle')), form, result);
  form.querySelector('#template-button').addEventListener('click', () =>
    download(`/${form.kind.value}/import/template`, `${form.kind.value}-template.csv`, result));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    result.replaceChildren();
    const body = new FormData();
    body.append('file', form.file.files[0]);
    try {
      const answer = await api(`/${form.kind.value}/import`, { method: 'POST', body });
      result.append(el('p', { id: 'import-ok' }, t('imported', { n: answer.imported })));
    } catch (e) {
      result.append(problem(e));
      if (e.problem?.errors?.length) {
        result.append(el('div', { id: 'import-errors' }, table([t('row'), t('field'), t('message')],
          e.problem.errors.map(r => [r.row, r.field, r.message]), [0])));
      }
    }
  });
}

/** Streams a file from the API with progress, then hands it to the browser as a download. */
async function download(path, fileName, status) {
  const progress = el('p', { id: 'download-progress' }, t('downloading'));
  status.replaceChildren(progress);
  try {
    const response = await api(path, { raw: true, headers: { Accept: '*/*' } });
    const reader = response.body.getReader();
    const chunks = [];
    let bytes = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      bytes += value.length;
      progress.textContent = t('downloading') + ' ' + bytes.toLocaleString();
    }
    const link = el('a', { href: URL.createObjectURL(new Blob(chunks)), download: fileName });
    document.body.append(link);
    link.click();
    link.remove();
    progress.textContent = t('downloaded', { n: bytes.toLocaleString() });
  } catch (e) {
    status.replaceChildren(problem(e));
  }
}

async function exportPage(page) {
  const form = el('form', { id: 'export-form' },
    el('label', { for: 'export-region' }, t('regionCode')),
    el('input', { id: 'export-region', name: 'regionCode', inputmode: 'numeric', pattern: '\\d{6}|\\d{12}',
      value: region(), required: true }),
    el('label', { for: 'export-kind' }, t('exportKind')),
    el('select', { id: 'export-kind', name: 'kind' },
      el('option', { value: 'household-income' }, t('ledgerKind')),
      el('option', { value: 'contributions' }, t('contributionKind')),
      el('option', { value: 'cooperatives' }, t('cooperativeKind'))),
    el('label', { for: 'export-format' }, t('format')),
    el('select', { id: 'export-format', name: 'format' }, el('option', { value: 'csv' }, 'CSV'),
      el('option', { value: 'xlsx' }, 'XLSX')),
    el('button', { type: 'submit', id: 'export-button' }, t('download')));
  const status = el('div', { id: 'export-status', 'aria-live': 'polite' });
  page.append(el('h2', {}, t('exportTitle')), form, status);
  form.addEventListener('submit', event => {
    event.preventDefault();
    const kind = form.kind.value;
    const range = kind === 'contributions' ? `from=${year()}-01-01&to=${year()}-12-31` : `year=${year()}`;
    const lang = LANG === 'en' ? '&lang=en' : '';
    const code = encodeURIComponent(form.regionCode.value.trim());
    download(`/exports/${kind}?regionCode=${code}&${range}&format=${form.format.value}${lang}`,
      `${kind}_${code}_${year()}.${form.format.value}`, status);
  });
}

async function agreementsPage(page) {
  const list = await everyItem(`/reports/agreements?year=${year()}`);
  page.append(el('h2', {}, t('agreementsTitle')),
    table([t('agreement'), t('buyerRegion'), t('sellerRegion'), t('target'), t('realized'), t('recognized'),
        t('orders'), t('progress')], list.map(a => [a.title, a.buyerRegionName, a.sellerRegionName, yuan(a.targetFen),
        yuan(a.realizedFen), yuan(a.recognizedFen), a.orders, percent(a.realizedBp)]), [3, 4, 5, 6, 7]),
    agreementBars(list));
}

const PAGES = { overview, households, alerts, import: importPage, export: exportPage, agreements: agreementsPage };

/** The number of the latest route(): a render still loading when another starts is no longer shown. */
let routed = 0;

async function route() {
  const current = ++routed;
  const signedIn = !!sessionStorage.getItem(TOKEN_KEY);
  document.getElementById('sign-in').hidden = signedIn;
  document.getElementById('nav').hidden = !signedIn;
  document.getElementById('who').hidden = !signedIn;
  const page = document.getElementById('page');
  page.replaceChildren();
  if (!signedIn) return;
  // each render draws into its own view: one that a later render replaced draws out of sight (it
  // drew into the page itself, so that two overlapping renders, a sign-in's, showed everything twice)
  const view = document.createElement('div');
  page.append(view);
  document.getElementById('who-region').textContent = region();
  const [name, argument] = (location.hash.slice(1) || 'overview').split('/');
  document.querySelectorAll('nav a').forEach(a => {
    if (a.getAttribute('href') === '#' + name) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
  page.setAttribute('aria-busy', 'true');
  try {
    await (name === 'household' ? household(view, Number(argument)) : (PAGES[name] || overview)(view));
  } catch (e) {
    view.append(problem(e));
  } finally {
    if (current === routed) {
      page.removeAttribute('aria-busy');
      page.dataset.page = name;
      performance.mark('bangfu:' + name); // for src/bench/console.sh: the page drawn with its data
    }
  }
}

async function signIn(event) {
  event.preventDefault();
  const form = event.target;
  const code = form.regionCode.value.trim() || form.identity.value;
  const response = await fetch('/dev/token', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ groups: ['bureau'], region_code: code, sub: 'console-' + code }) });
  if (!response.ok) {
    signInProblem('signIn.unavailable');
    return;
  }
  signedIn((await response.json()).token);
}

function signInProblem(key) {
  const box = document.getElementById('sign-in-problem');
  box.textContent = t(key);
  box.hidden = false;
}

/** Keeps a bureau token for this tab and opens the overview (true); any other token is refused (false). */
function signedIn(token) {
  const claims = JSON.parse(new TextDecoder().decode(base64UrlDecode(token.split('.')[1])));
  const groups = claims.groups || claims.realm_access?.roles || [];
  if (!groups.includes('bureau') || !claims.region_code) {
    signInProblem('signIn.notBureau');
    return false;
  }
  sessionStorage.setItem(TOKEN_KEY, token);
  sessionStorage.setItem(REGION_KEY, claims.region_code);
  location.hash = '#overview';
  route();
  return true;
}

// ---- OpenID Connect: authorization code with PKCE (RFC 7636), a public client, no secret ----

const PKCE_KEY = 'bangfu.console.pkce';
const ID_TOKEN_KEY = 'bangfu.console.idToken'; // for the sign-out at the identity provider
const REFRESH_KEY = 'bangfu.console.refreshToken';

/** The sign-in's settings (/console/config). */
const signInConfig = fetch('config').then(response => response.json());

/** Keeps what the identity provider answered for a user signedIn() accepted: access, refresh and ID tokens. */
function keepTokens(tokens) {
  sessionStorage.setItem(TOKEN_KEY, tokens.access_token);
  if (tokens.refresh_token) sessionStorage.setItem(REFRESH_KEY, tokens.refresh_token);
  if (tokens.id_token) sessionStorage.setItem(ID_TOKEN_KEY, tokens.id_token);
}

let renewing = null;
/** A new access token from the refresh token, one request for every call refused at once; false without. */
function renewed() {
  renewing ??= (async () => {
    const refreshToken = sessionStorage.getItem(REFRESH_KEY);
    const config = await signInConfig;
    if (!refreshToken || !config.tokenEndpoint) return false;
    const response = await fetch(config.tokenEndpoint, { method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken,
        client_id: config.clientId }) });
    if (!response.ok) return false;
    keepTokens(await response.json());
    return true;
  })().catch(() => false).finally(() => { renewing = null; });
  return renewing;
}
const base64Url = bytes => btoa(String.fromCharCode(...new Uint8Array(bytes)))
  .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
function base64UrlDecode(text) {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(text.length / 4) * 4, '='));
  return Uint8Array.from(binary, c => c.charCodeAt(0));
}
const redirectUri = () => location.origin + location.pathname;

async function oidcSignIn(config) {
  const verifier = base64Url(crypto.getRandomValues(new Uint8Array(32)));
  const state = base64Url(crypto.getRandomValues(new Uint8Array(16)));
  const challenge = base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PKCE_KEY, JSON.stringify({ verifier, state }));
  const query = new URLSearchParams({ client_id: config.clientId, response_type: 'code', scope: 'openid',
    redirect_uri: redirectUri(), state, code_challenge: challenge, code_challenge_method: 'S256',
    ui_locales: LANG === 'en' ? 'en' : 'zh-CN' });
  location.assign(config.authorizationEndpoint + '?' + query);
}

/** Back from the identity provider with ?code=&state=: the code becomes a token, once. */
async function oidcReturn(config) {
  const params = new URLSearchParams(location.search);
  const pkce = JSON.parse(sessionStorage.getItem(PKCE_KEY) || 'null');
  sessionStorage.removeItem(PKCE_KEY);
  history.replaceState(null, '', redirectUri() + (LANG === 'en' ? '?lang=en' : ''));
  if (!pkce || params.get('state') !== pkce.state) {
    signInProblem('signIn.failed');
    return;
  }
  const response = await fetch(config.tokenEndpoint, { method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code: params.get('code'),
      redirect_uri: redirectUri(), client_id: config.clientId, code_verifier: pkce.verifier }) });
  if (!response.ok) {
    signInProblem('signIn.failed');
    return;
  }
  const tokens = await response.json();
  if (signedIn(tokens.access_token)) keepTokens(tokens); // a token refused is kept nowhere
}

/** Forgets the tokens, and ends the identity provider's session too: the next person must sign in. */
async function signOut() {
  const idToken = sessionStorage.getItem(ID_TOKEN_KEY);
  [TOKEN_KEY, REGION_KEY, ID_TOKEN_KEY, REFRESH_KEY].forEach(key => sessionStorage.removeItem(key));
  const config = await signInConfig;
  if (idToken && config.logoutEndpoint) {
    location.assign(config.logoutEndpoint + '?' + new URLSearchParams({ id_token_hint: idToken,
      client_id: config.clientId, post_logout_redirect_uri: redirectUri() }));
    return;
  }
  route();
}

async function start() {
  document.documentElement.lang = LANG === 'en' ? 'en' : 'zh-CN';
  document.querySelectorAll('[data-i18n]').forEach(node => node.textContent = t(node.dataset.i18n));
  const years = document.getElementById('year');
  const current = new Date().getFullYear();
  for (let y = current; y >= current - 5; y--) years.append(el('option', { value: y }, y));
  years.addEventListener('change', route);
  document.getElementById('sign-in-form').addEventListener('submit', signIn);
  document.getElementById('sign-out').addEventListener('click', signOut);
  window.addEventListener('hashchange', route);
  route();
  const config = await signInConfig;
  document.getElementById('sign-in-form').hidden = !config.devTokens;
  document.getElementById('oidc-sign-in').hidden = config.devTokens || !config.authorizationEndpoint;
  document.getElementById('oidc-button').addEventListener('click', () => oidcSignIn(config));
  if (new URLSearchParams(location.search).has('code')) await oidcReturn(config);
}

start();
