/** http_check certificate-expiration settings (CONFIG-FACTS A3 "tls_verify note", E2.3). */
import { type YMap, type YNode, get, getPair } from '../yaml/ast.js';
import type { CheckedUrl } from './http-url.js';
import { isNull } from './options.js';
import type { Reporter } from './reporter.js';
import { boolOf, num, whole } from './scalars.js';

export function checkCertificate(map: YMap, scheme: CheckedUrl['scheme'], where: string, r: Reporter): void {
  const thresholds = ['days_warning', 'days_critical', 'seconds_warning', 'seconds_critical']
    .map((k) => getPair(map, k))
    .filter((p) => p && !isNull(p.value));
  const expiry = getPair(map, 'check_certificate_expiration');
  if (scheme === 'http') {
    if (expiry && boolOf(expiry.value) === true) {
      r.report(
        expiry.key,
        'warning',
        'cert-check-on-http',
        `"check_certificate_expiration" in ${where} has no effect on an http:// URL`,
      );
    } else if (thresholds.length && boolOf(expiry?.value) !== false) {
      r.report(
        thresholds[0]!.key,
        'warning',
        'cert-check-on-http',
        `certificate thresholds in ${where} are ignored: the URL is http://, which has no certificate`,
      );
    }
    return;
  }
  if (boolOf(expiry?.value) === false) return;
  for (const k of ['days_warning', 'days_critical', 'seconds_warning', 'seconds_critical']) {
    const v = get(map, k);
    const n = num(v);
    if (v && n !== undefined && n < 0)
      r.report(
        v,
        'error',
        'invalid-value',
        `"${k}" in ${where} is negative: write the number of ${k.split('_')[0]} before expiry`,
      );
  }
  contradiction(map, where, r);
  const verify = get(map, 'tls_verify');
  if (
    boolOf(verify) === false &&
    boolOf(get(map, 'tls_retrieve_non_validated_cert')) !== true &&
    boolOf(get(map, 'use_cert_from_response')) !== true
  ) {
    r.report(
      verify as YNode,
      'warning',
      'cert-check-unknown',
      `"tls_verify: false" in ${where} makes the certificate check report UNKNOWN ("Empty or no certificate found."): add \`tls_retrieve_non_validated_cert: true\` or \`check_certificate_expiration: false\``,
    );
  }
}

/** Warning must fire before critical: warning threshold above critical (seconds take precedence over days). */
function contradiction(map: YMap, where: string, r: Reporter): void {
  const dw = get(map, 'days_warning');
  const dc = get(map, 'days_critical');
  const sw = get(map, 'seconds_warning');
  const sc = get(map, 'seconds_critical');
  const daysW = whole(dw) ?? 14;
  const daysC = whole(dc) ?? 7;
  // `seconds_*` set to 0 or absent fall back to the days values (CONFIG-FACTS A3).
  const secW = whole(sw) || undefined;
  const secC = whole(sc) || undefined;
  if (secW !== undefined || secC !== undefined) {
    const w = secW ?? daysW * 86400;
    const c = secC ?? daysC * 86400;
    if (w <= c) {
      const at = (secC !== undefined ? sc : sw) as YNode;
      r.report(
        at,
        'error',
        'contradictory-thresholds',
        `certificate thresholds in ${where}: critical (${c} s) is not below warning (${w} s), so WARNING never fires; make seconds_warning larger than seconds_critical`,
      );
    }
    return;
  }
  if ((dw || dc) && daysW <= daysC) {
    const at = (dc && whole(dc) !== undefined ? dc : dw) as YNode;
    const wText = whole(dw) !== undefined ? `${daysW}` : `${daysW}, the default`;
    const cText = whole(dc) !== undefined ? `${daysC}` : `${daysC}, the default`;
    r.report(
      at,
      'error',
      'contradictory-thresholds',
      `certificate thresholds in ${where}: days_critical (${cText}) is not below days_warning (${wText}), so WARNING never fires; make days_warning larger than days_critical`,
    );
  }
}
