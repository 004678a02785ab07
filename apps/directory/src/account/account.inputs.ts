import { Field, ID, InputType, Int } from 'type-graphql';
import { IsEmail, IsInt, IsOptional, Length, Max, MaxLength, Min } from 'class-validator';
import { GrantRoleValue } from '../grant/grant-role';

@InputType({ description: 'Email and password.' })
export class SignInInput {
  @Field(() => String, { description: 'The account\'s email address (any case).' })
  @MaxLength(254)
  email!: string;

  @Field(() => String, { description: 'The account\'s password.' })
  @MaxLength(256)
  password!: string;
}

@InputType({ description: 'A new account for a colleague: they sign in with this email and password, then change it.' })
export class CreateAccountInput {
  @Field(() => String, { description: 'Email address; must not belong to another account.' })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;

  @Field(() => String, { description: 'Name shown to colleagues.' })
  @Length(1, 200)
  displayName!: string;

  @Field(() => String, { description: 'First password: at least 12 characters.' })
  password!: string;
}

@InputType({ description: 'The current password and a new one.' })
export class ChangePasswordInput {
  @Field(() => String, { description: 'The password now.' })
  @MaxLength(256)
  currentPassword!: string;

  @Field(() => String, { description: 'The new password: at least 12 characters.' })
  newPassword!: string;
}

@InputType({ description: 'A role for an account on an organisation and everything below it.' })
export class GrantAccessInput {
  @Field(() => String, { description: 'The email of the account that gets the grant.' })
  @MaxLength(254)
  email!: string;

  @Field(() => ID, { description: 'The organisation whose subtree the grant covers.' })
  organisationId!: string;

  @Field(() => GrantRoleValue, { description: 'What the grant allows.' })
  role!: GrantRoleValue;
}

@InputType({ description: 'A new personal API token.' })
export class CreateApiTokenInput {
  @Field(() => String, { description: 'What it is for, e.g. "R analysis on my laptop".' })
  @Length(1, 100)
  name!: string;

  @Field(() => Int, { nullable: true, description: 'Days until it stops working (1 to 365); never when absent.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  expiresInDays?: number | null;
}
