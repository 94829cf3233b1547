// Tasklist 7.24 renders task forms with form-js 1.8.7, whose viewer has no translation hook: its buttons
// ("Add new", "Collapse"), placeholders ("Select", "Search"), empty states and validation messages
// ("Field is required.", "Field must have maximum length of 4000.") are English string literals in
// lib/deps.js, and Tasklist builds the form itself, so no module can be passed in. This script puts the
// team's Japanese over those texts once form-js has rendered them, and again whenever it renders anew.
//
// Only form-js's own chrome is touched: each text is looked up under the element form-js renders it in
// (the add button, an error list, a dropdown's empty line…), never in labels, values or data, so a
// field whose value happens to read "Select" stays as it is.

const FORM = '.fjs-container';

// text nodes: where form-js puts them, what it says, what staff read instead
const TEXTS = [
  { within: '.fjs-repeat-render-add', exact: { 'Add new': '行を追加' } },
  {
    within: '.fjs-repeat-render-collapse',
    exact: { Collapse: '折りたたむ' },
    patterns: [[/^Expand all \((\d+)\)$/, 'すべて表示（$1 件）']]
  },
  { within: '.fjs-select-display', exact: { Select: '選択してください' } },
  { within: '.fjs-dropdownlist-empty', exact: { 'No results': '該当するものはありません', 'All values selected': 'すべて選択済みです' } },
  { within: '.fjs-taglist-skip-link', exact: { 'Skip to search': '検索欄へ移動' } },
  { within: '.fjs-table-middle-container, .fjs-table-td', exact: { 'Nothing to show.': '表示する行はありません。' } },
  // the table's pager reads "1 of 3": the "of" is a text node of its own
  { within: '.fjs-table-nav-label', exact: { of: '/' } },
  {
    within: '.fjs-form-field-error',
    exact: {
      'Field is required.': '入力してください（必須項目です）。',
      'Field must be a valid email.': 'メールアドレスの形式で入力してください。',
      'Field must be a valid  international phone number. (e.g. +4930664040900)':
        '国際形式の電話番号で入力してください（例：+81312345678）。',
      'Value is not a number.': '数値を入力してください。',
      'Value is expected to be an integer.': '整数で入力してください。'
    },
    patterns: [
      [/^Field must have minimum value of (.+)\.$/, '$1 以上の値を入力してください。'],
      [/^Field must have maximum value of (.+)\.$/, '$1 以下の値を入力してください。'],
      [/^Field must have minimum length of (\d+)\.$/, '$1 文字以上で入力してください。'],
      [/^Field must have maximum length of (\d+)\.$/, '$1 文字以内で入力してください。'],
      [/^Field must match pattern (.+)\.$/, '入力の形式が正しくありません（形式：$1）。'],
      [/^Value is expected to have at most (\d+) decimal digits?\.$/, '小数点以下は $1 桁までで入力してください。'],
      [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
        '入力できない値です。近い値は $1 または $2 です。']
    ]
  }
];

// attributes (placeholders, tooltips, screen-reader labels) on form-js's own controls
const ATTRIBUTES = [
  { selector: 'input.fjs-input, input.fjs-taglist-input', name: 'placeholder', exact: { Search: '検索', Select: '選択してください' } },
  { selector: '.fjs-taglist-tag-remove', name: 'title', exact: { 'Remove tag': '削除' } },
  { selector: '.fjs-repeat-row-remove', name: 'aria-label', patterns: [[/^Remove list item (\d+)$/, '$1 行目を削除']] },
  { selector: '.fjs-table-nav-button', name: 'aria-label', exact: { 'Previous page': '前のページ', 'Next page': '次のページ' } },
  { selector: '.fjs-number-arrow-container button, button[aria-label="Increment"], button[aria-label="Decrement"]',
    name: 'aria-label', exact: { Increment: '1 増やす', Decrement: '1 減らす' } },
  { selector: '.fjs-powered-by-link', name: 'title', exact: { 'Powered by bpmn.io': 'bpmn.io の技術を使用しています' } }
];

function japanese(text, rule) {
  const trimmed = text.trim();
  if (rule.exact && Object.prototype.hasOwnProperty.call(rule.exact, trimmed)) {
    return text.replace(trimmed, rule.exact[trimmed]);
  }
  for (const [pattern, replacement] of rule.patterns || []) {
    if (pattern.test(trimmed)) {
      return text.replace(trimmed, trimmed.replace(pattern, replacement));
    }
  }
  return null;
}

function translateTexts(form) {
  TEXTS.forEach((rule) => {
    form.querySelectorAll(rule.within).forEach((element) => {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const translated = japanese(node.data, rule);
        if (translated !== null && translated !== node.data) {
          node.data = translated;
        }
      }
    });
  });
}

function translateAttributes(form) {
  ATTRIBUTES.forEach((rule) => {
    form.querySelectorAll(rule.selector).forEach((element) => {
      const value = element.getAttribute(rule.name);
      const translated = value === null ? null : japanese(value, rule);
      if (translated !== null && translated !== value) {
        element.setAttribute(rule.name, translated);
      }
    });
  });
}

function translateAll() {
  document.querySelectorAll(FORM).forEach((form) => {
    translateTexts(form);
    translateAttributes(form);
  });
}

// form-js (Preact) writes a text only when its own value changes, so a translated text stays until
// form-js says something new, which this observer then translates in the same frame
new MutationObserver(translateAll).observe(document.documentElement, {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: ['placeholder', 'title', 'aria-label']
});

export default [];
