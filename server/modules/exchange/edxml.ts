import { XMLBuilder, XMLParser } from 'fast-xml-parser';

/**
 * edXML packages (QCVN 102:2016/BTTTT, amended 2022): the national format in which documents
 * travel between organs. `buildEdxml` writes the package of an issued document for an outside
 * organ (attachments base64 in AttachmentEncoded); `parseEdxml` reads one, accepting the
 * namespace prefix or not, and both spellings of "Bussiness" (official samples) and "Business".
 * The XML-DSig signature needs the organ's certificate and is not produced here.
 */

export const EDXML_NS = 'http://www.mic.gov.vn/TBT/QCVN_102_2016';

/** An organ as edXML names it (From / To). */
export interface EdxmlOrgan {
  organId: string;
  organizationInCharge: string;
  organName: string;
  organAdd: string;
  email: string;
  telephone: string;
  fax?: string;
  website?: string;
}

export interface EdxmlDocument {
  codeNumber: string;
  codeNotation: string;
  place: string;
  /** yyyy-mm-dd */
  promulgationDate: string;
  typeName: string;
  typeDetail: string;
  subject: string;
  content: string;
  signer: { competence: string; position: string; fullName: string };
  /** yyyy-mm-dd */
  dueDate: string | null;
  toPlaces: string[];
  /** 0 normal, 1 khẩn, 2 thượng khẩn, 3 hỏa tốc, 4 hỏa tốc hẹn giờ */
  priority: number;
  promulgationAmount: number | null;
  pageAmount: number | null;
  /** 0 new, 1 recall, 2 update, 3 replace */
  business: number;
  /** The document this one replaces (ResponseFor). */
  responseFor?: { organId: string; code: string; promulgationDate: string; documentId: string } | null;
}

export interface EdxmlFile {
  name: string;
  mime: string;
  data: Buffer;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** yyyy-mm-dd → yyyy/MM/dd */
function slashDate(iso: string): string {
  return iso.replaceAll('-', '/');
}

/** yyyy/MM/dd HH:mm:ss in Vietnam time. */
export function edxmlTimestamp(at: Date): string {
  const v = new Date(at.getTime() + 7 * 3_600_000);
  return `${v.getUTCFullYear()}/${pad(v.getUTCMonth() + 1)}/${pad(v.getUTCDate())} ${pad(v.getUTCHours())}:${pad(
    v.getUTCMinutes(),
  )}:${pad(v.getUTCSeconds())}`;
}

function organ(o: EdxmlOrgan) {
  return {
    'edXML:OrganId': o.organId,
    'edXML:OrganizationInCharge': o.organizationInCharge,
    'edXML:OrganName': o.organName,
    'edXML:OrganAdd': o.organAdd,
    'edXML:Email': o.email,
    'edXML:Telephone': o.telephone,
    'edXML:Fax': o.fax ?? '',
    'edXML:Website': o.website ?? '',
  };
}

/** The edXML package of a document from one organ to others, with its files embedded. */
export function buildEdxml(input: {
  from: EdxmlOrgan;
  to: EdxmlOrgan[];
  doc: EdxmlDocument;
  files: EdxmlFile[];
  at: Date;
}): string {
  const { from, to, doc, files, at } = input;
  const code = `${doc.codeNumber}/${doc.codeNotation}`;
  const tree = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    'edXML:edXML': {
      '@_xmlns:edXML': EDXML_NS,
      'edXML:edXMLEnvelope': {
        'edXML:edXMLHeader': {
          'edXML:MessageHeader': {
            'edXML:From': organ(from),
            'edXML:To': to.map(organ),
            'edXML:DocumentId': `${from.organId},${slashDate(doc.promulgationDate)},${code}`,
            'edXML:Code': { 'edXML:CodeNumber': doc.codeNumber, 'edXML:CodeNotation': doc.codeNotation },
            'edXML:PromulgationInfo': {
              'edXML:Place': doc.place,
              'edXML:PromulgationDate': slashDate(doc.promulgationDate),
            },
            'edXML:DocumentType': {
              'edXML:Type': 2,
              'edXML:TypeDetail': doc.typeDetail,
              'edXML:TypeName': doc.typeName,
            },
            'edXML:Subject': doc.subject,
            'edXML:Content': doc.content,
            'edXML:SignerInfo': {
              'edXML:Competence': doc.signer.competence,
              'edXML:Position': doc.signer.position,
              'edXML:FullName': doc.signer.fullName,
            },
            'edXML:DueDate': doc.dueDate ? slashDate(doc.dueDate) : '',
            'edXML:ToPlaces': { 'edXML:Place': doc.toPlaces },
            ...(doc.responseFor
              ? {
                  'edXML:ResponseFor': {
                    'edXML:OrganId': doc.responseFor.organId,
                    'edXML:Code': doc.responseFor.code,
                    'edXML:PromulgationDate': slashDate(doc.responseFor.promulgationDate),
                    'edXML:DocumentId': doc.responseFor.documentId,
                  },
                }
              : {}),
            'edXML:SteeringType': 1,
            'edXML:OtherInfo': {
              'edXML:Priority': doc.priority,
              'edXML:SphereOfPromulgation': '',
              'edXML:TyperNotation': '',
              'edXML:PromulgationAmount': doc.promulgationAmount ?? '',
              'edXML:PageAmount': doc.pageAmount ?? '',
              'edXML:Direction': 'false',
              'edXML:Appendixes': '',
            },
          },
          'edXML:TraceHeaderList': {
            'edXML:TraceHeader': { 'edXML:OrganId': from.organId, 'edXML:Timestamp': edxmlTimestamp(at) },
            'edXML:Bussiness': { 'edXML:BussinessDocType': doc.business },
          },
        },
        'edXML:edXMLBody': {
          'edXML:edXMLManifest': {
            'edXML:Reference': files.map((f, i) => ({
              'edXML:ContentId': `cid:${i + 1}`,
              'edXML:ContentType': f.mime,
              'edXML:Description': f.name,
              'edXML:AttachmentName': f.name,
            })),
          },
        },
      },
      'edXML:AttachmentEncoded': {
        'edXML:Attachment': files.map((f, i) => ({
          'edXML:ContentId': `cid:${i + 1}`,
          'edXML:AttachmentName': f.name,
          'edXML:ContentType': f.mime,
          'edXML:Value': f.data.toString('base64'),
        })),
      },
    },
  };
  const builder = new XMLBuilder({ ignoreAttributes: false, format: true, suppressEmptyNode: false });
  return builder.build(tree) as string;
}

/** What a received package says, as the incoming entry form needs it. */
export interface ParsedEdxml {
  from: { organId: string; organName: string };
  codeNumber: string;
  codeNotation: string;
  /** yyyy-mm-dd or null */
  promulgationDate: string | null;
  typeName: string;
  subject: string;
  content: string;
  signer: { competence: string; position: string; fullName: string };
  dueDate: string | null;
  priority: number;
  pageAmount: number | null;
  business: number;
  files: EdxmlFile[];
}

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]);
const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v).trim());
const isoFromSlash = (v: unknown): string | null => {
  const m = /^(\d{4})\/(\d{2})\/(\d{2})/.exec(str(v));
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
};
const intOrNull = (v: unknown): number | null => (str(v) === '' || Number.isNaN(Number(v)) ? null : Number(v));

/** Reads an edXML package; throws an Error with a short reason when it is not one. */
export function parseEdxml(xml: string): ParsedEdxml {
  const parser = new XMLParser({
    ignoreAttributes: true,
    removeNSPrefix: true,
    parseTagValue: false,
    trimValues: true,
    processEntities: true,
  });
  // biome-ignore lint/suspicious/noExplicitAny: the parsed tree is walked field by field below
  const root: any = parser.parse(xml);
  const top = root.edXML ?? root;
  const envelope = top.edXMLEnvelope;
  const header = envelope?.edXMLHeader?.MessageHeader;
  if (!header) throw new Error('not an edXML package: MessageHeader missing');
  const trace = envelope.edXMLHeader.TraceHeaderList ?? {};
  const business = trace.Bussiness ?? trace.Business ?? {};
  const attachments = asArray(top.AttachmentEncoded?.Attachment ?? envelope.AttachmentEncoded?.Attachment);
  return {
    from: { organId: str(header.From?.OrganId), organName: str(header.From?.OrganName) },
    codeNumber: str(header.Code?.CodeNumber),
    codeNotation: str(header.Code?.CodeNotation),
    promulgationDate: isoFromSlash(header.PromulgationInfo?.PromulgationDate),
    typeName: str(header.DocumentType?.TypeName),
    subject: str(header.Subject),
    content: str(header.Content),
    signer: {
      competence: str(header.SignerInfo?.Competence),
      position: str(header.SignerInfo?.Position),
      fullName: str(header.SignerInfo?.FullName),
    },
    dueDate: isoFromSlash(header.DueDate),
    priority: intOrNull(header.OtherInfo?.Priority) ?? 0,
    pageAmount: intOrNull(header.OtherInfo?.PageAmount),
    business: intOrNull(business.BussinessDocType ?? business.BusinessDocType) ?? 0,
    // biome-ignore lint/suspicious/noExplicitAny: see above
    files: attachments.map((a: any) => ({
      name: str(a.AttachmentName),
      mime: str(a.ContentType) || 'application/octet-stream',
      data: Buffer.from(str(a.Value), 'base64'),
    })),
  };
}
