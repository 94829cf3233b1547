// climate-pdca: Cockpit configuration (replaces the webjar's default scripts/config.js, which sets nothing).
export default {
  // Japanese for staff (locales/ja.json, the team's own translation); an English browser still gets English
  locales: {
    availableLocales: ['ja', 'en'],
    fallbackLocale: 'ja'
  },
  // custom/cycle-overview.js: 年度サイクル一覧 (every municipality's cycles, running and ended) for administrators
  customScripts: ['custom/cycle-overview']
};
