import { CloseButton, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { functionIcon } from '../function-icons';
import { useGoHome, useOpenFunction } from './navigation';
import { useTabs } from './tabs-context';
import classes from './workspace.module.css';

/** The strip of open function tabs, each with a close ×; the URL decides which is active. */
export function TabStrip({ active }: { active: string | null }) {
  const { t } = useTranslation(['shell', 'functions']);
  const tabs = useTabs();
  const openFunction = useOpenFunction();
  const goHome = useGoHome();

  const closeTab = (id: string) => {
    const next = tabs.close(id);
    if (id !== active) return;
    if (next) openFunction(next);
    else goHome();
  };

  return (
    <div className={classes.strip} role="tablist" aria-label={t('shell:tabs.label')}>
      {tabs.open.map((id) => {
        const Icon = functionIcon(id);
        const name = t(`functions:${id}`);
        const selected = id === active;
        return (
          <div key={id} className={classes.tab} data-testid={`tab-${id}`} data-active={selected || undefined}>
            <UnstyledButton
              className={classes.tabButton}
              role="tab"
              id={`tab-button-${id}`}
              aria-selected={selected}
              aria-controls={`panel-${id}`}
              title={name}
              onClick={() => openFunction(id)}
              onAuxClick={(event) => {
                if (event.button === 1) closeTab(id);
              }}
            >
              <Icon size={16} aria-hidden />
              <span className={classes.tabLabel}>{name}</span>
            </UnstyledButton>
            <CloseButton
              size="sm"
              mr={4}
              aria-label={t('shell:tabs.close', { name })}
              data-testid={`tab-close-${id}`}
              onClick={() => closeTab(id)}
            />
          </div>
        );
      })}
    </div>
  );
}
