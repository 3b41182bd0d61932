import { TextInput, type TextInputProps } from '@mantine/core';
import { IconCalendar } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatVietnameseDate, parseVietnameseDate } from './vietnamese-date';

/**
 * A date typed as dd/mm/yyyy. `value` and `onChange` carry ISO days ('' = none); the parent
 * only hears of complete, real dates. A half-typed or impossible date is flagged on blur.
 */
export function DateField({
  value,
  onChange,
  error,
  ...rest
}: Omit<TextInputProps, 'value' | 'onChange'> & { value: string; onChange: (iso: string) => void }) {
  const { t } = useTranslation('adminAccess');
  const [text, setText] = useState(() => formatVietnameseDate(value));
  const [touched, setTouched] = useState(false);
  const emitted = useRef(value);
  // A change from outside (e.g. "Xóa bộ lọc") replaces the text; our own changes do not.
  useEffect(() => {
    if (value === emitted.current) return;
    emitted.current = value;
    setText(formatVietnameseDate(value));
  }, [value]);
  const parsed = parseVietnameseDate(text);
  return (
    <TextInput
      {...rest}
      value={text}
      inputMode="numeric"
      placeholder={t('audit.datePlaceholder')}
      leftSection={<IconCalendar size={16} aria-hidden />}
      error={(touched && parsed === undefined ? t('audit.invalidDate') : null) ?? error}
      onBlur={() => setTouched(true)}
      onChange={(e) => {
        const next = e.currentTarget.value;
        setText(next);
        setTouched(false);
        const iso = parseVietnameseDate(next);
        if (iso !== undefined && (iso ?? '') !== emitted.current) {
          emitted.current = iso ?? '';
          onChange(iso ?? '');
        }
      }}
    />
  );
}
