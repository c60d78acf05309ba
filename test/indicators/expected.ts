/** The hand-worked counts of fixtures/joins/full.csv, shared by the join and summary-report tests. */
// fixtures/joins/full.csv, a dossier list with every column (period 2023):
//  Sở Tư pháp (so)
//   A01 rcv 02/01 due 10/01 res 05/01 (early)  online  digitized  e-result  satisfied      50.000 online
//   A02 rcv 03/02 due 10/02 res 10/02 (on due) direct  not        e-result  satisfied      fee 0
//   A03 rcv 01/03 due 05/03 res 09/03 (late)   online  digitized  no        not satisfied  20.000 transfer
//   A04 rcv 10/12 due 20/12 open (past due)    online  digitized                           100.000 cash
//   A05 rcv 28/12 due 05/01/2024 open (within) BCCI    not                                 fee and payment blank
//  UBND huyện Nhơn Trạch (huyen)
//   B01 rcv 05/04 due 15/04 res 14/04 (early)  online  digitized  e-result  very satisfied 30.000 online
//   B02 rcv 06/04 due 15/04 res 20/04 (late)   direct  not        no        neutral        fee blank, cash → obligation
//   B03 rcv 07/05 due 30/05 res 30/05 (on due) direct  digitized  e-result  unrated        fee 0
//   B04 rcv 01/06 due 10/01/2024 open (within) online  not                                 15000 QR
//  UBND xã Long Hưng (xa)
//   C01 rcv 10/07 due 12/07 res 11/07 (early)  direct  not        no        satisfied      fee 0
//   C02 rcv 11/07 due 20/07 res 25/07 (late)   online  digitized  e-result  satisfied      10.000 online
//   C03 rcv 01/11 due 15/11 open (past due)    direct  not                                 blank
export const EXPECTED: Record<string, string> = {
  // online: so A01 A03 A04 of 5; huyen B01 B04 of 4; xa C02 of 3
  'online-rate/so': '3/5',
  'online-rate/huyen': '2/4',
  'online-rate/xa': '1/3',
  'online-rate/all': '6/12',
  // on time: so A01 A02 resolved ≤ due + A05 open within / 3 resolved + 2 open; huyen B01 B03 + B04 / 4; xa C01 / 3
  'on-time-rate/so': '3/5',
  'on-time-rate/huyen': '3/4',
  'on-time-rate/xa': '1/3',
  'on-time-rate/all': '7/12',
  // satisfaction (resolved, rated): so A01 A02 / A01 A02 A03; huyen B01 / B01 B02; xa C01 C02 / 2
  'satisfaction-rate/so': '2/3',
  'satisfaction-rate/huyen': '1/2',
  'satisfaction-rate/xa': '2/2',
  'satisfaction-rate/all': '5/7',
  // digitized: so A01 A03 A04 / 5; huyen B01 B03 / 4; xa C02 / 3
  'digitization-rate/so': '3/5',
  'digitization-rate/huyen': '2/4',
  'digitization-rate/xa': '1/3',
  'digitization-rate/all': '6/12',
  // e-result (resolved): so A01 A02 / 3; huyen B01 B03 / 3; xa C02 / 2
  'e-result-rate/so': '2/3',
  'e-result-rate/huyen': '2/3',
  'e-result-rate/xa': '1/2',
  'e-result-rate/all': '5/8',
  // obligation: so A01 A03 A04; huyen B01 B02 B04; xa C02. Online: A01; B01; C02
  'online-payment-rate/so': '1/3',
  'online-payment-rate/huyen': '1/3',
  'online-payment-rate/xa': '1/1',
  'online-payment-rate/all': '3/7',
  // cashless: A01 A03; B01 B04 (QR); C02
  'cashless-payment-rate/so': '2/3',
  'cashless-payment-rate/huyen': '2/3',
  'cashless-payment-rate/xa': '1/1',
  'cashless-payment-rate/all': '5/7',
};


/**
 * fixtures/joins/dossiers.csv: the same dossiers as full.csv, its dates written yyyyMMddHHmmss,
 * so that due and resolved both carry a time and lateness is judged to the minute (docs/domain.md
 * "When a dossier is late"). Due dates are written at 00:00:00: A02 (due 10/02 00:00, resolved
 * 10/02 10:00) and B03 (due 30/05 00:00, resolved 30/05 08:00), on time by calendar date in
 * full.csv, are late here. Its last date is 28/12 (A05 received), as in full.csv: open dossiers
 * are judged at the end of 28/12 in both (A04 due 20/12 late; A05, B04 not yet due).
 */
export const EXPECTED_TIMED: Record<string, string> = {
  ...EXPECTED,
  // so A01 + A05 open within / 5 (A02 now late); huyen B01 + B04 / 4 (B03 now late); xa C01 / 3
  'on-time-rate/so': '2/5',
  'on-time-rate/huyen': '2/4',
  'on-time-rate/xa': '1/3',
  'on-time-rate/all': '5/12',
};
