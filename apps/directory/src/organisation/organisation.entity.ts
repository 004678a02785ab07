import { weighs } from '@harbour/graphql-kit';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { OrganisationKind } from './organisation-kind';

@Entity({ schema: 'directory', name: 'organisation' })
@ObjectType({ description: 'An NHS organisation: a trust, PCN, practice, service or team. Tenants are top-level organisations.' })
@Directive('@key(fields: "id")')
export class Organisation {
  @PrimaryColumn('uuid')
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Column('uuid', { name: 'tenant_id' })
  tenantId!: string;

  @Column('uuid', { name: 'parent_id', nullable: true })
  parentId!: string | null;

  @Column('text')
  @Field(() => OrganisationKind, { description: 'What sort of organisation this is.' })
  kind!: OrganisationKind;

  @Column('text')
  @Field(() => String, { description: 'Name as staff know it.' })
  name!: string;

  @Column('text', { name: 'ods_code', nullable: true })
  @Field(() => String, { nullable: true, description: 'NHS organisation (ODS) code, e.g. Y01234; unique within the tenant.' })
  odsCode!: string | null;

  @Column('text', { name: 'contact_email', nullable: true })
  @Field(() => String, { nullable: true, description: "A trust's: whom its staff write to about its surveys, shown on every personal link's page." })
  contactEmail!: string | null;

  @Column('text', { name: 'privacy_notice_url', nullable: true })
  @Field(() => String, { nullable: true, description: "A trust's: its privacy notice (an https address), linked from every personal link's page." })
  privacyNoticeUrl!: string | null;

  @Column('text', { nullable: true })
  @Field(() => String, {
    nullable: true,
    description: `A trust's: its logo, a data: URL of a PNG, JPEG or WebP image of at most 20,000 bytes, in the header of every personal link's page. ${weighs('Organisation.logo')}`,
  })
  logo!: string | null;
}
