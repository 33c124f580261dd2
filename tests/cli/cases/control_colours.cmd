control colours
