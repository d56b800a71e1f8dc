## Accounts: sign-up with an invitation code, who am I, the invite tool.

accounts-cmd-dangky = take an official or manager role with an invitation code
accounts-cmd-toi = show my account and role
accounts-cmd-ten = change my display name: /ten Nguyen Van An
accounts-signup-usage = Send /dangky followed by the invitation code you were given, for example: /dangky ABCD-EFGH
accounts-signup-malformed = An invitation code has 8 characters (letters and digits), for example ABCD-EFGH. Please check the code and send /dangky with it.
accounts-signup-unknown = This invitation code is not valid. Please check every character, or ask the person who gave it to you. Your account has not changed.
accounts-signup-expired = This invitation code has expired. Please ask for a new one. Your account has not changed.
accounts-signup-used = This invitation code has already been used. Each code works only once; please ask for a new one. Your account has not changed.
accounts-signup-welcome = { $role ->
    [official] Welcome! You are now registered as an official of { $places }.
    [manager] Welcome! You are now registered as a manager, following: { $places }.
   *[other] Welcome!
} Others see you as: { $name } (change it with /ten).
accounts-whoami-name = Name: { $name }
accounts-whoami-role = Role: { $role }
accounts-whoami-channel = Channel: { $channel } (user id { $id })
accounts-whoami-commune = Commune: { $commune }
accounts-whoami-scope = Scope: { $places }
accounts-cli-invite-code = Invitation code: { $code }
accounts-cli-invite-role = { $role ->
    [official] Role: commune official — { $places }
   *[manager] Role: manager — { $places }
}
accounts-cli-invite-expires = Expires: { $expires } (Vietnam time). The code works once and is not stored: hand it over now.
accounts-cli-invite-send = The invited person sends this to the bot (Zalo, Telegram…): /dangky { $code }
accounts-cli-invite-error = Could not create the invitation: { $problem }
accounts-invite-official-one = an official belongs to exactly one commune: one --commune and no --province.
accounts-invite-manager-scope = a manager needs at least one --commune or a --province.
accounts-invite-unknown-commune = there is no commune with code { $codes }.
accounts-invite-unknown-province = there is no province with code { $code }.
accounts-unnamed = account #{ $id } (no name given)
accounts-signup-held = 🔔 While no manager was on the system, { $count } alerts were kept for your scope. They follow right after this message.
accounts-name-usage = Your display name now: { $name }. To change it, send /ten with your full name, for example: /ten Nguyen Van An
accounts-name-bad = A name needs 2 to { $max } characters, without special characters such as < >. Your name has not changed.
accounts-name-saved = Saved. Others now see you as: { $name }
accounts-invite-bad-name = a name or post needs 2 to { $max } characters, without < >.
accounts-cli-invite-person = Invited person: { $name }
