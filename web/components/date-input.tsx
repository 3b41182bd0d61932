import { ActionIcon, TextInput } from '@mantine/core';
import { IconCalendar } from '@tabler/icons-react';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatVnDate, isDateOrEmpty, parseDateText } from '../../contracts/calendar';

export interface DateInputProps {
  label: ReactNode;
  /** ISO yyyy-mm-dd, '' for none, or the raw text while it is not a date (so the form can refuse it). */
  value: string;
  /** Called on every keystroke with the ISO date, '' or the raw text while it is not a date. */
  onChange: (value: string) => void;
  error?: ReactNode;
  description?: ReactNode;
  disabled?: boolean;
  /** ISO bounds of the calendar picker. */
  min?: string;
  max?: string;
  w?: number | string;
  maw?: number | string;
  'data-testid'?: string;
}

const shown = (value: string) => (isDateOrEmpty(value) ? formatVnDate(value) : value);

/**
 * A date box that reads and writes dd/mm/yyyy whatever the browser's language (a plain
 * `<input type="date">` shows mm/dd/yyyy in an English browser). Typing is fast (25/11/2026,
 * 5/1/2026, 25.11.26, 251126); the calendar button opens the browser's own picker. Text that
 * is not a date is reported once the user leaves the box, unless the form shows its own error.
 */
export function DateInput({
  label,
  value,
  onChange,
  error,
  description,
  disabled,
  min,
  max,
  w,
  maw,
  ...rest
}: DateInputProps) {
  const { t } = useTranslation('common');
  const [text, setText] = useState(() => shown(value));
  const [left, setLeft] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  const testId = rest['data-testid'];

  // A value set from outside (the picker, a reset of the form) replaces what is in the box.
  useEffect(() => {
    setText((current) => {
      if (current === value || parseDateText(current) === value) return current;
      return shown(value);
    });
  }, [value]);

  const type = (next: string) => {
    setText(next);
    setLeft(false);
    onChange(parseDateText(next) ?? next);
  };
  const leave = () => {
    setLeft(true);
    const iso = parseDateText(text);
    if (iso) setText(formatVnDate(iso));
  };
  const openPicker = () => {
    const input = picker.current;
    if (!input) return;
    try {
      input.showPicker();
    } catch {
      input.focus();
    }
  };
  const invalid = left && !disabled && parseDateText(text) === null;

  return (
    <TextInput
      label={label}
      description={description}
      placeholder={t('date.placeholder')}
      inputMode="numeric"
      autoComplete="off"
      maxLength={10}
      disabled={disabled}
      value={text}
      onChange={(e) => type(e.currentTarget.value)}
      onBlur={leave}
      error={error || (invalid ? t('date.invalid') : undefined)}
      w={w}
      maw={maw}
      rightSection={
        <ActionIcon
          variant="subtle"
          color="gray"
          onClick={openPicker}
          disabled={disabled}
          aria-label={t('date.pick')}
          data-testid={testId ? `${testId}-pick` : undefined}
        >
          <IconCalendar size={16} aria-hidden />
        </ActionIcon>
      }
      inputContainer={(children) => (
        <div style={{ position: 'relative' }}>
          {children}
          <input
            ref={picker}
            type="date"
            value={isDateOrEmpty(value) ? value : ''}
            min={min}
            max={max}
            disabled={disabled}
            onChange={(e) => onChange(e.currentTarget.value)}
            tabIndex={-1}
            aria-hidden
            style={{
              position: 'absolute',
              left: 0,
              bottom: 0,
              width: '100%',
              height: 1,
              opacity: 0,
              border: 0,
              padding: 0,
              pointerEvents: 'none',
            }}
          />
        </div>
      )}
      data-testid={testId}
    />
  );
}
