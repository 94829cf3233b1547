// climate-pdca: Tasklist configuration (replaces the webjar's default scripts/config.js).
export default {
  app: {
    name: 'Tasklist',
    vendor: 'climate-pdca'
  },
  dateFormat: {
    normal: 'YYYY/MM/DD HH:mm',
    long: 'YYYY年M月D日 HH:mm',
    short: 'YYYY/MM/DD'
  },
  // Japanese for staff (locales/ja.json); an English browser still gets English
  locales: {
    availableLocales: ['ja', 'en'],
    fallbackLocale: 'ja'
  },
  // custom/dynamic-list-validity.js, custom/form-js-japanese.js, custom/task-file-upload.js and
  // custom/overdue-everything.js and custom/task-drafts.js (drafts on the server): see the
  // comment in each
  customScripts: ['custom/dynamic-list-validity', 'custom/form-js-japanese', 'custom/task-file-upload',
    'custom/overdue-everything', 'custom/task-drafts'],

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the start process modal dialog'
    }
  }
};
