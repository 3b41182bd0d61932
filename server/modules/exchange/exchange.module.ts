import type { AppModule, Platform } from '../../platform/platform';
import { ExchangeRepository } from './exchange.repository';
import { exchangeRoutes } from './exchange.routes';
import { ExchangeService } from './exchange.service';

/** The exchange service over the platform (stateless: the incoming and outgoing modules build their own). */
export function createExchangeService(platform: Platform): ExchangeService {
  return new ExchangeService({
    tx: platform.db,
    repo: new ExchangeRepository(platform.db),
    files: platform.files,
    notifier: platform.notifier,
    audit: platform.audit,
    clock: platform.clock,
    jobs: platform.jobs,
  });
}

/** Module exchange: documents travelling between units of the system — the recipient clerk's inbox. */
export const exchangeModule: AppModule = {
  name: 'exchange',
  async register(app, platform) {
    exchangeRoutes(app, createExchangeService(platform));
  },
};
