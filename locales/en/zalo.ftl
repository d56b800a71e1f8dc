## Zalo OA channel: Zalo shows at most 5 buttons per message, the rest follow in further messages.

zalo-more-options = More options ({ $part }/{ $total }):

## Admin command: npm run cli -- zalo status | set-tokens

zalo-cli-none = No Zalo OA tokens stored. Get a token pair at developers.zalo.me, then run: npm run cli -- zalo set-tokens --access <access token> --refresh <refresh token>
zalo-cli-title = Zalo OA tokens
zalo-cli-issued = Issued: { $at } ({ $age } ago)
zalo-cli-expires = Expires: { $at } ({ $left } left)
zalo-cli-expired = Expired: { $at }
zalo-cli-due = Refreshed automatically from: { $at }
zalo-cli-error = Last error ({ $at }): { $error }
zalo-cli-usage = Messages in { $month }: { $free } free replies, { $paid } paid consultation messages, { $template } template messages
zalo-cli-error-none = Last error: none
zalo-cli-hint = If Zalo refuses the refresh token, the grant is lost: get a new pair at developers.zalo.me and run zalo set-tokens. The current access token keeps working until it expires.
zalo-cli-duration = { $hours } h { $minutes } min
zalo-cli-saved = Zalo OA tokens stored; the access token expires at { $at }.
