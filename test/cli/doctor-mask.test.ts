// What the doctor shows of a phone number or a key: enough to recognise, never enough to use.
import { keyEnding, maskPhone } from '../../cli/doctor/mask';

describe('maskPhone', () => {
  it.each([
    ['+14155550101', '+1 415 ••• ••01'],
    ['+447700900123', '+44 770 ••• ••23'],
    ['+353861234567', '+353 861 ••••67'],
    ['+4930123456', '+49 301 •••56'],
    ['+4915112345678', '+49 151 •••• ••78'],
    ['+35312345', '+353 •••45'],
  ])('%s is shown as %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });

  it('keeps only the country code, at most three leading digits and the last two', () => {
    for (const phone of ['+14155550101', '+447700900123', '+4930123456', '+861380013800']) {
      const digitsShown = maskPhone(phone).replace(/[^0-9]/g, '');
      expect(digitsShown.length).toBeLessThanOrEqual(phone.length - 1 - 3);
      expect(maskPhone(phone).endsWith(phone.slice(-2))).toBe(true);
    }
  });

  it('never echoes what is not an E.164 number', () => {
    expect(maskPhone('5555550101')).toBe('(not an E.164 number)');
    expect(maskPhone('+1 415 555 0101')).toBe('(not an E.164 number)');
  });
});

describe('keyEnding', () => {
  it('gives the last four characters of a key long enough to spare them', () => {
    expect(keyEnding('e2e0routing0key00000000000000001')).toBe('0001');
  });

  it('gives nothing of a short key', () => {
    expect(keyEnding('abcdefgh')).toBeUndefined();
  });
});
