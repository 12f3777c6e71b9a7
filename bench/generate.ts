/** Large but realistic inputs for the validation benchmark. */

export function httpCheckWithInstances(n: number): string {
  const out = ['init_config:', '  timeout: 10', '', 'instances:'];
  for (let i = 0; i < n; i++) {
    out.push(
      `  - name: site ${i}`,
      `    url: https://site${i}.example.com/health`,
      '    timeout: 5',
      '    http_response_status_code: "200"',
      '    check_certificate_expiration: true',
      '    days_warning: 28',
      '    days_critical: 14',
      '    tags:',
      '      - "env:prd"',
      `      - "team:web${i % 7}"`,
    );
  }
  return `${out.join('\n')}\n`;
}

/** About `lines` lines: forward and tail sources, filters and Datadog outputs with buffers, in labels. */
export function fluentConfWithLines(lines: number): string {
  const out = [
    '<system>',
    '  log_level info',
    '</system>',
    '',
    '<source>',
    '  @type forward',
    '  port 24224',
    '  bind 0.0.0.0',
    '</source>',
    '',
  ];
  let i = 0;
  while (out.length < lines) {
    out.push(
      '<source>',
      '  @type tail',
      `  path /var/log/app${i}/access.log`,
      `  pos_file /var/log/fluent/app${i}.pos`,
      `  tag app${i}.access`,
      '  <parse>',
      '    @type ltsv',
      '    time_key time',
      '  </parse>',
      '</source>',
      '',
      `<filter app${i}.**>`,
      '  @type record_transformer',
      '  <record>',
      `    service app${i}`,
      '    hostname "#{Socket.gethostname}"',
      '  </record>',
      '</filter>',
      '',
      `<match app${i}.**>`,
      '  @type datadog',
      `  @id datadog-app${i}`,
      `  api_key "#{ENV['DD_API_KEY']}"`,
      `  dd_source app${i}`,
      '  dd_tags env:prd,team:web',
      '  <buffer>',
      '    @type memory',
      '    flush_interval 5s',
      '    chunk_limit_size 1m',
      '  </buffer>',
      '</match>',
      '',
    );
    i++;
  }
  return `${out.join('\n')}\n`;
}
