import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type TLocale } from '../../contracts/auth';

/** localStorage key of the language chosen before sign-in. */
const LOCALE_STORAGE_KEY = 'cloudoffice.locale';

/** Every `web/i18n/<locale>/<namespace>.json`, bundled; later modules just add files. */
const files = import.meta.glob<Record<string, unknown>>('../i18n/*/*.json', { eager: true, import: 'default' });

function buildResources(): Record<string, Record<string, Record<string, unknown>>> {
  const resources: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const [path, content] of Object.entries(files)) {
    const match = /\/i18n\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (!match) continue;
    const [, locale, namespace] = match;
    resources[locale] ??= {};
    resources[locale][namespace] = content;
  }
  return resources;
}

function isLocale(value: unknown): value is TLocale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The language saved on this browser, Vietnamese when none. */
export function storedLocale(): TLocale {
  try {
    const value = localStorage.getItem(LOCALE_STORAGE_KEY);
    return isLocale(value) ? value : 'vi';
  } catch {
    return 'vi';
  }
}

/** The language the UI currently shows. */
export function currentLocale(): TLocale {
  return isLocale(i18n.language) ? i18n.language : 'vi';
}

/** Switches the UI language and remembers it on this browser. */
export async function applyLocale(locale: TLocale): Promise<void> {
  try {
    localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
  document.documentElement.lang = locale;
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
}

/** Language picked on the sign-in page during this visit; it wins over the saved preference once. */
let chosenBeforeSignIn: TLocale | null = null;

/** Records that the user explicitly picked a language on the sign-in page. */
export function rememberSignInLocaleChoice(locale: TLocale): void {
  chosenBeforeSignIn = locale;
}

/** Returns (and forgets) the language picked on the sign-in page, if any. */
export function takeSignInLocaleChoice(): TLocale | null {
  const value = chosenBeforeSignIn;
  chosenBeforeSignIn = null;
  return value;
}

const initialLocale = storedLocale();
document.documentElement.lang = initialLocale;

void i18n.use(initReactI18next).init({
  resources: buildResources(),
  lng: initialLocale,
  fallbackLng: 'vi',
  supportedLngs: [...LOCALES],
  ns: ['common', 'auth', 'shell', 'home', 'functions', 'errors', 'personal', 'directory'],
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** The configured i18next instance. */
export default i18n;
