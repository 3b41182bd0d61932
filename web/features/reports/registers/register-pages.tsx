import { REGISTER_FUNCTIONS, type TRegisterKind } from '../../../../contracts/reports';
import { RegisterPage } from './register-page';

const page = (kind: TRegisterKind) => () => <RegisterPage kind={kind} functionId={REGISTER_FUNCTIONS[kind]} />;

/** One printing page per register of the menu (Điều 3.1f). */
export const IncomingRegisterPage = page('incoming-register');
export const IncomingHandoverPage = page('incoming-handover');
export const OutgoingRegisterPage = page('outgoing-register');
export const OutgoingHandoverPage = page('outgoing-handover');
export const IncomingShortPage = page('incoming-short');
export const IncomingTrackingPage = page('incoming-tracking');
