import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ErrorCode, TErrorBody } from '../../contracts/errors';

type Msg = { vi: string; en: string };

/** Server-side wording of each error code (the web has its own copy in i18n). */
const MESSAGES: Record<ErrorCode, Msg> = {
  VALIDATION_FAILED: { vi: 'Dữ liệu không hợp lệ.', en: 'The request is not valid.' },
  INVALID_JSON: { vi: 'Nội dung gửi lên không phải JSON hợp lệ.', en: 'The body is not valid JSON.' },
  UNSUPPORTED_MEDIA_TYPE: { vi: 'Kiểu nội dung không được hỗ trợ.', en: 'Unsupported content type.' },
  PAYLOAD_TOO_LARGE: { vi: 'Dữ liệu gửi lên quá lớn.', en: 'The request body is too large.' },
  NOT_FOUND: { vi: 'Không tìm thấy.', en: 'Not found.' },
  UNAUTHENTICATED: { vi: 'Bạn cần đăng nhập.', en: 'Please sign in.' },
  FORBIDDEN: { vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You may not do this.' },
  INVALID_CREDENTIALS: {
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    en: 'The username or password is incorrect.',
  },
  ACCOUNT_LOCKED: {
    vi: 'Tài khoản tạm khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau.',
    en: 'The account is temporarily locked after too many failed sign-ins. Try again later.',
  },
  ACCOUNT_DISABLED: { vi: 'Tài khoản đã bị khóa. Liên hệ quản trị.', en: 'The account is disabled.' },
  PASSWORD_CHANGE_REQUIRED: {
    vi: 'Bạn cần đổi mật khẩu trước khi tiếp tục.',
    en: 'You must change your password first.',
  },
  WRONG_CURRENT_PASSWORD: { vi: 'Mật khẩu hiện tại không đúng.', en: 'The current password is wrong.' },
  WEAK_PASSWORD: { vi: 'Mật khẩu mới chưa đủ mạnh.', en: 'The new password is too weak.' },
  PASSWORD_REUSED: {
    vi: 'Mật khẩu mới phải khác mật khẩu hiện tại.',
    en: 'The new password must differ from the current one.',
  },
  CONFLICT: { vi: 'Dữ liệu đã thay đổi hoặc bị trùng.', en: 'Conflict with existing data.' },
  DUPLICATE: { vi: 'Giá trị này đã tồn tại.', en: 'This value already exists.' },
  IN_USE: {
    vi: 'Mục này đang được sử dụng, chỉ có thể ngừng sử dụng.',
    en: 'This entry is in use; it can only be deactivated.',
  },
  INVALID_STATE: { vi: 'Không thể thực hiện ở trạng thái hiện tại.', en: 'Not possible in the current state.' },
  IMPORT_INVALID: {
    vi: 'Tệp nhập có dòng lỗi; chưa nhập dòng nào.',
    en: 'The file has invalid rows; nothing was imported.',
  },
  FILE_TOO_LARGE: {
    vi: 'Tệp vượt quá dung lượng cho phép.',
    en: 'The file is larger than allowed.',
  },
  FILE_TYPE_NOT_ALLOWED: {
    vi: 'Loại tệp này không được phép đính kèm.',
    en: 'This type of file may not be attached.',
  },
  FILE_CONTENT_MISMATCH: {
    vi: 'Nội dung tệp không đúng với loại tệp (phần mở rộng).',
    en: 'The file content does not match its type.',
  },
  RATE_LIMITED: { vi: 'Quá nhiều yêu cầu, vui lòng thử lại sau.', en: 'Too many requests.' },
  INTERNAL: { vi: 'Lỗi hệ thống. Vui lòng thử lại sau.', en: 'Internal error. Please try again later.' },
};

const STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PAYLOAD_TOO_LARGE: 413,
  NOT_FOUND: 404,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 423,
  ACCOUNT_DISABLED: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  WRONG_CURRENT_PASSWORD: 400,
  WEAK_PASSWORD: 422,
  PASSWORD_REUSED: 422,
  CONFLICT: 409,
  DUPLICATE: 409,
  IN_USE: 409,
  INVALID_STATE: 409,
  FILE_TOO_LARGE: 413,
  FILE_TYPE_NOT_ALLOWED: 415,
  FILE_CONTENT_MISMATCH: 422,
  IMPORT_INVALID: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

/** The one application error: a stable code, its HTTP status, optional field and details. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly opts: { field?: string; details?: Record<string, unknown>; status?: number } = {},
  ) {
    super(MESSAGES[code].en);
    this.status = opts.status ?? STATUS[code];
  }
}

/** Missing and forbidden look the same for records the actor may not know exist. */
export const notFound = () => new AppError('NOT_FOUND');

function pickLocale(req: FastifyRequest): 'vi' | 'en' {
  const actorLocale = (req as { actor?: { locale?: string } }).actor?.locale;
  if (actorLocale === 'en' || actorLocale === 'vi') return actorLocale;
  const header = String(req.headers['accept-language'] ?? '');
  return /^en\b/i.test(header) ? 'en' : 'vi';
}

function body(req: FastifyRequest, code: ErrorCode, extra: Partial<TErrorBody['error']> = {}): TErrorBody {
  return { error: { code, message: MESSAGES[code][pickLocale(req)], ...extra } };
}

/** Installs the single error handler and the JSON 404 for unknown routes. */
export function installErrorHandling(
  app: FastifyInstance,
  spaFallback?: (req: FastifyRequest, reply: FastifyReply) => unknown,
): void {
  app.setNotFoundHandler((req, reply) => {
    if (spaFallback && req.method === 'GET' && !req.url.startsWith('/api')) return spaFallback(req, reply);
    return reply.code(404).send(body(req, 'NOT_FOUND'));
  });

  app.setErrorHandler((err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    if (err instanceof AppError) {
      const fields = err.opts.field
        ? [{ path: err.opts.field, message: MESSAGES[err.code][pickLocale(req)] }]
        : undefined;
      return reply.code(err.status).send(body(req, err.code, { fields, details: err.opts.details }));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = err.validation.map((v) => ({
        path: [
          err.validationContext,
          ...String(v.instancePath ?? '')
            .split('/')
            .filter(Boolean),
        ].join('.'),
        message: v.message ?? 'invalid',
      }));
      return reply.code(400).send(body(req, 'VALIDATION_FAILED', { fields }));
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err }, 'response did not match its schema');
      return reply.code(500).send(body(req, 'INTERNAL'));
    }
    switch (err.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return reply.code(400).send(body(req, 'INVALID_JSON'));
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return reply.code(413).send(body(req, 'PAYLOAD_TOO_LARGE'));
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return reply.code(415).send(body(req, 'UNSUPPORTED_MEDIA_TYPE'));
      case 'FST_ERR_VALIDATION':
        return reply.code(400).send(body(req, 'VALIDATION_FAILED'));
    }
    if (err instanceof SyntaxError || err.statusCode === 400) {
      return reply.code(400).send(body(req, 'INVALID_JSON'));
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.code(err.statusCode).send(body(req, err.statusCode === 404 ? 'NOT_FOUND' : 'VALIDATION_FAILED'));
    }
    req.log.error({ err }, 'unhandled error');
    return reply.code(500).send(body(req, 'INTERNAL'));
  });
}
