import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LOCALES, type TLocale } from '../../contracts/auth';

/** Tiếng Việt / English switch; the caller decides where the choice is stored. */
export function LanguageSwitch({ onChange }: { onChange: (locale: TLocale) => void }) {
  const { t, i18n } = useTranslation('common');
  const value: TLocale = i18n.language === 'en' ? 'en' : 'vi';
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language')}
      data-testid="language-switch"
      value={value}
      onChange={(next) => onChange(next as TLocale)}
      data={LOCALES.map((locale) => ({ value: locale, label: t(`languages.${locale}`) }))}
    />
  );
}
