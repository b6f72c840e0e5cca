// The case file's documents in the worker console (issue 20, docs/documents.md): name, kind, size, who
// added it and when; download, remove (after a confirmation), and an upload control (optionally into a
// documents field of the case type). Words in the agent's language; the kind in words, never a MIME type.
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { CaseType } from '../../../schemas/generated/case-type.ts';
import { documentFields } from '../../../runtime/engine/index.ts';
import { fieldLabel } from '../model/field-label.ts';
import { formatDateTime, formatNumber } from '../i18n/format.ts';
import { useWords } from '../i18n/use-words.ts';
import type { ConsoleApi, DocumentItem } from './console-api.ts';

/** The kind of a document in words (`console.documents.kinds.*`), from its sniffed content type. */
export function documentKind(contentType: string): string {
  const base = contentType.split(';')[0]?.trim() ?? '';
  switch (base) {
    case 'application/pdf':
      return 'pdf';
    case 'image/png':
    case 'image/jpeg':
    case 'image/gif':
    case 'image/webp':
    case 'image/tiff':
    case 'image/heic':
    case 'image/heif':
      return 'image';
    case 'application/vnd.openxmlformats-officedocument.wordprocessingml.document':
    case 'application/vnd.oasis.opendocument.text':
      return 'text-document';
    case 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet':
    case 'application/vnd.oasis.opendocument.spreadsheet':
      return 'spreadsheet';
    case 'message/rfc822':
      return 'email';
    case 'text/plain':
      return 'text';
    default:
      return 'other';
  }
}

/** A size in KB or MB, in the agent's language. */
function sizeText(bytes: number, language: 'en' | 'nl'): string {
  if (bytes < 1024 * 1024) return `${formatNumber(Math.max(1, Math.round(bytes / 1024)), language)} KB`;
  return `${formatNumber(Math.round((bytes / (1024 * 1024)) * 10) / 10, language)} MB`;
}

export function DocumentsPanel({
  api,
  caseId,
  def,
  closed,
  forPartner = false,
  onChanged,
}: {
  api: ConsoleApi;
  caseId: string;
  def: CaseType;
  closed: boolean;
  /** A partner's person: documents go into a shared documents field only (the definition holds only those). */
  forPartner?: boolean;
  onChanged: () => void;
}) {
  const words = useWords();
  const t = (key: string, values?: Record<string, unknown>) => words.t(`console.documents.${key}`, values);
  const [items, setItems] = useState<DocumentItem[] | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'done'; text: string } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fields = documentFields(def.data);
  const [field, setField] = useState<string>(forPartner ? (fields[0] ?? '') : '');
  const canUpload = !closed && (!forPartner || fields.length > 0);
  const fileInput = useRef<HTMLInputElement>(null);
  const ids = { file: useId(), field: useId() };

  const load = useCallback(async () => {
    const r = await api.documents(caseId);
    if (r.ok) setItems(r.value);
    else setMessage({ kind: 'error', text: r.message });
  }, [api, caseId]);
  useEffect(() => {
    void load();
  }, [load]);

  const upload = async (file: File) => {
    setBusy(true);
    setMessage(null);
    const r = await api.uploadDocument(caseId, file, file.name, field === '' ? undefined : field);
    setBusy(false);
    if (fileInput.current) fileInput.current.value = '';
    if (!r.ok) return setMessage({ kind: 'error', text: t('uploadFailed', { name: file.name, message: r.message }) });
    setMessage({ kind: 'done', text: t('uploaded', { name: r.value.name }) });
    await load();
    onChanged();
  };

  const download = async (item: DocumentItem) => {
    const r = await api.downloadDocument(caseId, item.id);
    if (!r.ok) return setMessage({ kind: 'error', text: r.message });
    const url = URL.createObjectURL(r.value);
    const a = document.createElement('a');
    a.href = url;
    a.download = item.name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const remove = async (item: DocumentItem) => {
    setConfirming(null);
    setBusy(true);
    const r = await api.removeDocument(caseId, item.id);
    setBusy(false);
    if (!r.ok) return setMessage({ kind: 'error', text: t('removeFailed', { name: item.name, message: r.message }) });
    setMessage({ kind: 'done', text: t('removed', { name: item.name }) });
    await load();
    onChanged();
  };

  return (
    <div className="documents">
      {items === null ? (
        <p role="status">{t('loading')}</p>
      ) : items.length === 0 ? (
        <p className="muted">{t('none')}</p>
      ) : (
        <ul className="document-list" aria-label={t('listLabel')}>
          {items.map((item) => (
            <li key={item.id} className="document-item">
              <strong>{item.name}</strong>
              <span className="muted">
                {' '}
                {t(`kinds.${documentKind(item.contentType)}`)} · {sizeText(item.size, words.language)}
                {item.field ? ` · ${fieldLabel(def, item.field)}` : ''}
              </span>
              <br />
              <span className="muted">{t('added', { name: item.addedBy, at: formatDateTime(item.addedAt, words.language) })}</span>
              <div className="document-actions">
                <button type="button" aria-label={t('downloadLabel', { name: item.name })} onClick={() => void download(item)}>
                  {t('download')}
                </button>
                {closed ? null : confirming === item.id ? (
                  <span role="group" aria-label={t('confirmLabel', { name: item.name })}>
                    {t('confirm', { name: item.name })}{' '}
                    <button type="button" disabled={busy} onClick={() => void remove(item)}>
                      {t('confirmYes')}
                    </button>{' '}
                    <button type="button" onClick={() => setConfirming(null)}>
                      {t('confirmNo')}
                    </button>
                  </span>
                ) : (
                  <button type="button" aria-label={t('removeLabel', { name: item.name })} onClick={() => setConfirming(item.id)}>
                    {t('remove')}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {!canUpload ? null : (
        <div className="document-upload">
          {fields.length > 0 ? (
            <p>
              <label htmlFor={ids.field}>{t('field')}</label>{' '}
              <select id={ids.field} value={field} onChange={(e) => setField(e.target.value)}>
                {forPartner ? null : <option value="">{t('noField')}</option>}
                {fields.map((f) => (
                  <option key={f} value={f}>
                    {fieldLabel(def, f)}
                  </option>
                ))}
              </select>
            </p>
          ) : null}
          <p>
            <label htmlFor={ids.file}>{t('upload')}</label>{' '}
            <input
              id={ids.file}
              ref={fileInput}
              type="file"
              disabled={busy}
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void upload(file);
              }}
            />
          </p>
        </div>
      )}
      {message ? (
        <p className={message.kind === 'error' ? 'error-box' : 'notice-done'} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
