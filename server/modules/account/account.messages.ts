/** Wording of the real-time notifications this module sends, in the reader's language. */
type Locale = 'vi' | 'en';
type Text = { title: string; body: string };

const dmy = (iso: string) => iso.split('-').reverse().join('/');

/** The proposer learns that an administrator approved their proposal. */
export function proposalApprovedText(locale: Locale, note: string | null): Text {
  if (locale === 'en')
    return {
      title: 'Account change approved',
      body: note ? `Your proposed changes were applied. Note: ${note}` : 'Your proposed changes were applied.',
    };
  return {
    title: 'Đề xuất thay đổi thông tin đã được duyệt',
    body: note
      ? `Thông tin tài khoản của bạn đã được cập nhật. Ghi chú: ${note}`
      : 'Thông tin tài khoản của bạn đã được cập nhật.',
  };
}

/** The proposer learns that their proposal was rejected, and why. */
export function proposalRejectedText(locale: Locale, note: string): Text {
  if (locale === 'en') return { title: 'Account change rejected', body: `Reason: ${note}` };
  return { title: 'Đề xuất thay đổi thông tin bị từ chối', body: `Lý do: ${note}` };
}

/** The delegate learns they may work for the delegator between two dates. */
export function delegationGrantedText(locale: Locale, from: string, startsOn: string, endsOn: string): Text {
  if (locale === 'en')
    return {
      title: 'You received a delegation',
      body: `${from} delegated their processing rights to you from ${dmy(startsOn)} to ${dmy(endsOn)}.`,
    };
  return {
    title: 'Bạn được ủy quyền xử lý công việc',
    body: `${from} ủy quyền cho bạn từ ${dmy(startsOn)} đến ${dmy(endsOn)}.`,
  };
}

/** The delegate learns the delegation was withdrawn. */
export function delegationRevokedText(locale: Locale, from: string): Text {
  if (locale === 'en') return { title: 'Delegation revoked', body: `${from} revoked the delegation to you.` };
  return { title: 'Ủy quyền đã bị thu hồi', body: `${from} đã thu hồi ủy quyền cho bạn.` };
}
