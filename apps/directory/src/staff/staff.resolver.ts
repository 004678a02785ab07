import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { atMost, authorise, LIST_SIZES, connectionOf, notFound, PageArgs, parseId, requireScope, type HarbourContext, type Page } from '@harbour/graphql-kit';
import { managedOrganisation } from '../organisation/organisation.access';
import { organisationLoader } from '../organisation/organisation.loaders';
import { Organisation } from '../organisation/organisation.entity';
import { Role } from '../role/role.entity';
import { roleLoader } from '../role/role.loaders';
import { Setting } from '../setting/setting.entity';
import { settingLoader } from '../setting/setting.loaders';
import { EmploymentEvent } from './employment-event.entity';
import { Staff, StaffContact } from './staff.entity';
import { contactLoader, eventsLoader, hostsLoader, staffLoader } from './staff.loaders';
import { listStaff } from './staff.service';

export const StaffConnection = connectionOf(Staff, 'Staff');

@ArgsType()
class StaffArgs extends PageArgs {
  @Field(() => ID, { description: 'Staff employed or hosted in this organisation or anywhere below it.' })
  organisationId!: string;

  @Field(() => String, { nullable: true, description: 'The start of an external reference, or part of a name.' })
  search?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only staff in this role.' })
  roleId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only staff in this setting.' })
  settingId?: string | null;

  @Field(() => Boolean, { defaultValue: false, description: 'Include staff who have left.' })
  includeLeft: boolean = false;
}

/** Throws unless the caller manages where this person is employed. */
async function authoriseStaff(ctx: HarbourContext, staff: Staff): Promise<void> {
  await authorise(ctx, 'manage', { organisationId: staff.employingOrganisationId, tenantId: staff.tenantId });
}

@Resolver(() => Staff)
export class StaffResolver {
  @Query(() => StaffConnection, { description: 'Staff in new roles, by external reference, a page at a time (trust admins).' })
  async staff(@Args(() => StaffArgs) args: StaffArgs, @Ctx() ctx: HarbourContext): Promise<Page<Staff>> {
    const organisation = await managedOrganisation(ctx, 'organisationId', args.organisationId);
    return listStaff(ctx.db, {
      organisationId: organisation.id,
      first: args.first,
      after: args.after,
      search: args.search,
      roleId: args.roleId ? parseId('roleId', args.roleId) : null,
      settingId: args.settingId ? parseId('settingId', args.settingId) : null,
      includeLeft: args.includeLeft,
    });
  }

  @Query(() => Staff, { description: 'One member of staff by id (trust admins where they are employed).' })
  async staffMember(@Arg('id', () => ID, { description: 'Their id.' }) id: string, @Ctx() ctx: HarbourContext): Promise<Staff> {
    requireScope(ctx, 'manage');
    const found = await staffLoader(ctx).load(parseId('id', id));
    if (!found) throw notFound('Staff member', id);
    await authoriseStaff(ctx, found);
    return found;
  }

  @FieldResolver(() => Role, { description: 'Their role.' })
  async role(@Root() staff: Staff, @Ctx() ctx: HarbourContext): Promise<Role> {
    return (await roleLoader(ctx).load(staff.roleId))!;
  }

  @FieldResolver(() => Organisation, { description: 'Who employs them.' })
  async employingOrganisation(@Root() staff: Staff, @Ctx() ctx: HarbourContext): Promise<Organisation> {
    return (await organisationLoader(ctx).load(staff.employingOrganisationId))!;
  }

  @FieldResolver(() => [Organisation], { description: `Where they work: a PCN role may be hosted by several practices. ${atMost('Staff.hostOrganisations')}` })
  async hostOrganisations(@Root() staff: Staff, @Ctx() ctx: HarbourContext): Promise<Organisation[]> {
    const ids = await hostsLoader(ctx).load(staff.id);
    return (await organisationLoader(ctx).loadMany(ids)).filter((o): o is Organisation => o instanceof Organisation);
  }

  @FieldResolver(() => Setting, { nullable: true, description: 'The setting (service line) they work in.' })
  setting(@Root() staff: Staff, @Ctx() ctx: HarbourContext): Promise<Setting | null> | null {
    return staff.settingId ? settingLoader(ctx).load(staff.settingId) : null;
  }

  @FieldResolver(() => StaffContact, { nullable: true, description: 'Name and email, when the tenant keeps them; never shown beside answers.' })
  async contact(@Root() staff: Staff, @Ctx() ctx: HarbourContext): Promise<StaffContact | null> {
    await authoriseStaff(ctx, staff);
    return contactLoader(ctx).load(staff.id);
  }

  @FieldResolver(() => [EmploymentEvent], { description: `Their employment history, oldest first: the latest ${LIST_SIZES['Staff.events']} events. ${atMost('Staff.events')}` })
  events(@Root() staff: Staff, @Ctx() ctx: HarbourContext): Promise<EmploymentEvent[]> {
    return eventsLoader(ctx).load(staff.id);
  }
}
