import { Group, List, Text, ThemeIcon, VisuallyHidden } from '@mantine/core';
import { IconCheck, IconPoint } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TPasswordPolicy } from '../../../contracts/auth';

/** Rule ids of contracts/auth.ts `passwordProblems`, in the order they are listed. */
export const PASSWORD_RULES = ['minLength', 'upper', 'lower', 'digit', 'symbol'] as const;

/** Rules this policy actually enforces. */
export function activeRules(policy: TPasswordPolicy): string[] {
  return PASSWORD_RULES.filter(
    (rule) =>
      rule === 'minLength' ||
      (rule === 'upper' && policy.requireUpper) ||
      (rule === 'lower' && policy.requireLower) ||
      (rule === 'digit' && policy.requireDigit) ||
      (rule === 'symbol' && policy.requireSymbol),
  );
}

/** Checklist of the password rules that ticks live as the new password is typed. */
export function PasswordRules({ policy, problems }: { policy: TPasswordPolicy; problems: string[] }) {
  const { t } = useTranslation('personal');
  return (
    <div data-testid="password-rules">
      <Text size="sm" fw={600} mb={6}>
        {t('changePassword.rulesTitle')}
      </Text>
      <List spacing={4} size="sm" listStyleType="none">
        {activeRules(policy).map((rule) => {
          const met = !problems.includes(rule);
          return (
            <List.Item key={rule} data-testid={`rule-${rule}`} data-met={met}>
              <Group gap={8} wrap="nowrap">
                <ThemeIcon size={18} radius="xl" color={met ? 'teal' : 'gray'} variant={met ? 'filled' : 'light'}>
                  {met ? <IconCheck size={12} stroke={3} aria-hidden /> : <IconPoint size={12} aria-hidden />}
                </ThemeIcon>
                <Text size="sm" c={met ? 'teal.8' : 'dimmed'}>
                  {t(`changePassword.rules.${rule}`, { min: policy.minLength })}
                  <VisuallyHidden>
                    {' '}
                    ({met ? t('changePassword.ruleMet') : t('changePassword.ruleNotMet')})
                  </VisuallyHidden>
                </Text>
              </Group>
            </List.Item>
          );
        })}
      </List>
    </div>
  );
}
