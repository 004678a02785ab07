import { Field, ID, InputType } from 'type-graphql';
import { IsEmail, IsOptional, IsUrl, Length, Matches, ValidateIf } from 'class-validator';
import { OrganisationKind } from './organisation-kind';

const ODS = /^[A-Z0-9]{3,10}$/;
const ODS_MESSAGE = 'odsCode must be 3 to 10 capital letters or digits';

@InputType({ description: 'A new tenant: a top-level organisation (platform admins only).' })
export class CreateTenantInput {
  @Field(() => OrganisationKind, { description: 'What sort of organisation it is; a tenant is a trust, PCN or integrated care board.' })
  kind!: OrganisationKind;

  @Field(() => String, { description: 'Name as staff know it.' })
  @Length(1, 200)
  name!: string;

  @Field(() => String, { nullable: true, description: 'NHS organisation (ODS) code, if it has one.' })
  @IsOptional()
  @Matches(ODS, { message: ODS_MESSAGE })
  odsCode?: string | null;
}

@InputType({ description: 'A new organisation inside one you manage.' })
export class CreateOrganisationInput extends CreateTenantInput {
  @Field(() => ID, { description: 'The organisation it sits within.' })
  parentId!: string;
}

@InputType({ description: 'Changes to an organisation: leave out what stays the same.' })
export class UpdateOrganisationInput {
  @Field(() => ID, { description: 'The organisation to change.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'A new name.' })
  @IsOptional()
  @Length(1, 200)
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'A new ODS code; an empty string removes it.' })
  @IsOptional()
  @Matches(/^([A-Z0-9]{3,10})?$/, { message: ODS_MESSAGE })
  odsCode?: string | null;

  @Field(() => ID, { nullable: true, description: 'Move it (and everything below it) under this organisation, in the same tenant.' })
  parentId?: string | null;

  @Field(() => String, { nullable: true, description: "A trust's contact email for its surveys (at most 254 characters); an empty string removes it. Trusts only." })
  @IsOptional()
  @Length(0, 254)
  @ValidateIf((input: UpdateOrganisationInput) => input.contactEmail !== '')
  @IsEmail({}, { message: 'The contact email must be an email address, like surveys@trust.nhs.uk' })
  contactEmail?: string | null;

  @Field(() => String, { nullable: true, description: "A trust's privacy notice, an https address (at most 2,000 characters); an empty string removes it. Trusts only." })
  @IsOptional()
  @Length(0, 2000)
  @ValidateIf((input: UpdateOrganisationInput) => input.privacyNoticeUrl !== '')
  @IsUrl({ protocols: ['https'], require_protocol: true }, { message: 'The privacy notice must be a web address starting https://' })
  privacyNoticeUrl?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "A trust's logo for its personal link pages: a data: URL of a PNG, JPEG or WebP image of at most 20,000 bytes (at most 30,000 characters); an empty string removes it. Trusts only.",
  })
  @IsOptional()
  @Length(0, 30_000)
  logo?: string | null;
}
