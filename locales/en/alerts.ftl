## Alerts for the leadership: the operator's checks (npm start, cli doctor).

alerts-doctor-no-manager = ⚠ { $count } communes have no manager on the system (neither of the commune nor of its province). Alerts about them (unsatisfied ratings, requests to pay extra, overdue complaints, complaints about staff) are kept until a manager signs up:
alerts-doctor-more = … and { $count } more communes.
alerts-doctor-fix = Invite a manager, for example: npm run cli -- invite --role manager --commune { $example } --name "…" --title "Chairman of the commune"
alerts-doctor-held = { $count } alerts are kept, waiting for the first manager to sign up.
alerts-doctor-ok = Every commune has a manager to receive alerts. No alert is being kept.
