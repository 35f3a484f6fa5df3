/**
 * H5: the production PC build (`npm run build:pc`, TARO_APP_PC=1) is always the computer's door;
 * the local build is the phone's (the dev identity switcher) unless a tester chose the computer
 * (`?door=pc`, or 电脑端 in the switcher).
 */
import { getDevDoor } from './devIdentity'

export function isPcDoor(): boolean {
  return process.env.TARO_APP_PC === '1' || getDevDoor() === 'pc'
}
