import { byKey, type HarbourContext } from '@harbour/graphql-kit';
import type { EmploymentEvent } from './employment-event.entity';
import type { Staff, StaffContact } from './staff.entity';
import { contactsOf, eventsOf, hostsOf, staffByIds } from './staff.service';

export function staffLoader(ctx: HarbourContext) {
  return ctx.loaders.get<string, Staff | null>('staff', async (ids) => byKey(ids, await staffByIds(ctx.db, ids), (s) => s.id, null));
}

export function hostsLoader(ctx: HarbourContext) {
  return ctx.loaders.get<string, string[]>('staff.hosts', (ids) => hostsOf(ctx.db, ids));
}

export function contactLoader(ctx: HarbourContext) {
  return ctx.loaders.get<string, StaffContact | null>('staff.contact', (ids) => contactsOf(ctx.db, ids));
}

export function eventsLoader(ctx: HarbourContext) {
  return ctx.loaders.get<string, EmploymentEvent[]>('staff.events', (ids) => eventsOf(ctx.db, ids));
}
