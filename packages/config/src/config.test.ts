import path from 'node:path';
import { loadConfig, repoRoot, SUBGRAPHS } from './config';

describe('loadConfig', () => {
  it('defaults to the embedded database, loopback subgraphs and port 4000', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toBe(path.join(repoRoot(), '.harbour', 'postgres'));
    expect(config.subgraphHost).toBe('127.0.0.1');
    expect(config.gatewayPort).toBe(4000);
    expect(Object.keys(config.subgraphPorts)).toEqual([...SUBGRAPHS]);
    expect(new Set(Object.values(config.subgraphPorts)).size).toBe(4);
    expect(config.subgraphUrls.forms).toBe(`http://127.0.0.1:${config.subgraphPorts.forms}/graphql`);
  });

  it('takes ports, URLs and the data folder from the environment', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://me@db/harbour',
      HARBOUR_DATA_DIR: 'tmp/pg',
      PORT: '8080',
      HARBOUR_FORMS_PORT: '5002',
      HARBOUR_INSIGHTS_URL: 'http://insights.internal/graphql',
    });
    expect(config.databaseUrl).toBe('postgres://me@db/harbour');
    expect(config.dataDir).toBe(path.resolve('tmp/pg'));
    expect(config.gatewayPort).toBe(8080);
    expect(config.subgraphUrls.forms).toBe('http://127.0.0.1:5002/graphql');
    expect(config.subgraphUrls.insights).toBe('http://insights.internal/graphql');
  });

  it('runs Hive Gateway unless told to run Apollo Gateway, and refuses anything else', () => {
    expect(loadConfig({}).gatewayEngine).toBe('apollo');
    expect(loadConfig({ HARBOUR_GATEWAY_ENGINE: 'apollo' }).gatewayEngine).toBe('apollo');
    expect(() => loadConfig({ HARBOUR_GATEWAY_ENGINE: 'router' })).toThrow('HARBOUR_GATEWAY_ENGINE must be "hive" or "apollo", got "router"');
  });

  it('names the variable when a number is wrong', () => {
    expect(() => loadConfig({ HARBOUR_PG_PORT: 'fifty' })).toThrow('HARBOUR_PG_PORT must be a positive whole number, got "fifty"');
    expect(() => loadConfig({ PORT: '-1' })).toThrow(/^PORT must be/);
  });

  it('sends mail only when told where, and points links at the public address', () => {
    const quiet = loadConfig({ PORT: '8080' });
    expect({ smtp: quiet.smtpUrl, publicUrl: quiet.publicUrl, reminderDays: quiet.reminderDays }).toEqual({ smtp: undefined, publicUrl: 'http://127.0.0.1:8080', reminderDays: 3 });
    const mailing = loadConfig({ HARBOUR_SMTP_URL: 'smtp://u:p@mail.nhs.example:587', HARBOUR_PUBLIC_URL: 'https://harbour.nhs.example/', HARBOUR_REMINDER_DAYS: '5' });
    expect({ smtp: mailing.smtpUrl, publicUrl: mailing.publicUrl, reminderDays: mailing.reminderDays }).toEqual({
      smtp: 'smtp://u:p@mail.nhs.example:587',
      publicUrl: 'https://harbour.nhs.example',
      reminderDays: 5,
    });
    expect(() => loadConfig({ HARBOUR_SMTP_URL: 'mail.nhs.example' })).toThrow('HARBOUR_SMTP_URL must look like smtp://user:password@host:587');
  });
});
