/**
 * The texts the API clients page's client components show, translated on the server and
 * passed in as props (the browser gets no message catalogue for this page). A text with
 * «{name}» places is filled in by `fill`.
 */
export type Template = string;

export function fill(template: Template, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

export type CopyLabels = {
  copy: string;
  /** «{field}» */
  copyField: Template;
  copied: string;
  copyFailed: string;
};

export type SecretLabels = CopyLabels & {
  /** «{name}» */
  title: Template;
  warning: string;
  clientId: string;
  secret: string;
};

export type CreateLabels = {
  name: string;
  nameHint: string;
  kind: string;
  kindHint: string;
  kinds: { value: string; label: string }[];
  scopesLegend: string;
  scopesHint: string;
  scopes: { key: string; label: string; uri: string }[];
  rateLimit: string;
  rateLimitHint: string;
  create: string;
  creating: string;
  errorTitle: string;
  secret: SecretLabels;
};

export type ClientActionLabels = {
  /** all «{name}» */
  rotate: string;
  rotateLabel: Template;
  rotateConfirm: Template;
  rotateYes: string;
  rotating: string;
  revoke: string;
  revokeLabel: Template;
  revokeConfirm: Template;
  revokeYes: string;
  revoking: string;
  revoked: Template;
  cancel: string;
  errorTitle: string;
  secret: SecretLabels;
};

export type WebhookLabels = {
  url: string;
  urlHint: string;
  save: string;
  saving: string;
  /** «{name}» */
  saveLabel: Template;
  remove: string;
  /** «{name}» */
  removeLabel: Template;
  /** «{name}», «{url}» */
  removeConfirm: Template;
  removeYes: string;
  removing: string;
  /** «{name}» */
  removed: Template;
  cancel: string;
  errorTitle: string;
  /** «{name}» */
  secretTitle: Template;
  secretWarning: string;
  secretUrl: string;
  secretLabel: string;
  copy: CopyLabels;
};
